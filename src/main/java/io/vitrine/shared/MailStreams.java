package io.vitrine.shared;

import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Names Jakarta Mail's {@code StreamProvider} (Angus Mail's) in the system property its lookup reads first. Without
 * it, the API looks the provider up through {@code ServiceLoader}, scanning the class path's jars, on every message,
 * multipart, header block and encoded word it creates or parses (jakartaee/mail-api#861): a large share of the CPU
 * of sending and receiving mail. A value set on the command line is kept. Set only when the class path is flat (the
 * system class loader sees Angus Mail, as under {@code java -cp}, the image or the tests): the lookup loads the named
 * class through the thread's context class loader and fails outright, instead of falling back, where it is unseen.
 */
@Component
class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    MailStreams() {
        if (System.getProperty(PROPERTY) == null && ClassUtils.isPresent(ANGUS, ClassLoader.getSystemClassLoader())) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
