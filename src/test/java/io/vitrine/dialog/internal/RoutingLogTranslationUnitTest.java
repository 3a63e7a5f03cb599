package io.vitrine.dialog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard shows every routing log entry as a translated sentence, never as a raw code. */
class RoutingLogTranslationUnitTest {

    private static String i18n;

    @BeforeAll
    static void readTexts() throws IOException {
        i18n = Files.readString(Path.of("src/main/resources/static/shared/i18n.js"));
    }

    @Test
    void shouldTranslateEveryKindOfEntry() {
        for (DialogLog.Kind kind : DialogLog.Kind.values()) {
            assertThat(text("log." + kind.name())).as("label of %s", kind).isNotBlank();
        }
    }

    @Test
    void shouldTranslateEveryReasonWithTheSubjectItMentions() {
        for (DialogLog.Reason reason : DialogLog.Reason.values()) {
            String text = text("log.reason." + reason.name());
            assertThat(text).as("sentence of %s", reason).isNotBlank();
            assertThat(text.contains("{subject}")).as("subject in %s", reason)
                    .isEqualTo(reason.detail("{subject}").contains("{subject}"));
        }
    }

    private static String text(String key) {
        Matcher m = Pattern.compile("'" + Pattern.quote(key) + "':\\s*'((?:[^'\\\\]|\\\\.)*)'").matcher(i18n);
        return m.find() ? m.group(1) : null;
    }
}
