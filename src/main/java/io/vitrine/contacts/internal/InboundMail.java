package io.vitrine.contacts.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * An inbound email as contacts need it, parsed with Jakarta Mail: sender, Message-ID and In-Reply-To, the text
 * (the text/plain part, or the HTML part as text), and image attachments.
 */
record InboundMail(String from, String messageId, String inReplyTo, String subject, String text,
        List<Image> images) {

    record Image(String fileName, String contentType, byte[] content) {}

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_IMAGES = 10;

    static InboundMail parse(byte[] raw) throws MessagingException, IOException {
        return parse(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    static InboundMail parse(MimeMessage mime) throws MessagingException, IOException {
        String from = mime.getFrom() == null || mime.getFrom().length == 0 ? null
                : ((InternetAddress) mime.getFrom()[0]).getAddress();
        Collected collected = new Collected();
        walk(mime, collected);
        String text = collected.plain != null ? collected.plain
                : collected.html != null ? htmlToText(collected.html) : "";
        return new InboundMail(from, mime.getMessageID(), first(mime.getHeader("In-Reply-To")), mime.getSubject(),
                text, List.copyOf(collected.images));
    }

    private static final class Collected {
        String plain;
        String html;
        final List<Image> images = new ArrayList<>();
    }

    private static void walk(Part part, Collected into) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, into);
            }
        } else if (part.isMimeType("image/*")) {
            if (into.images.size() < MAX_IMAGES) {
                try (InputStream in = part.getInputStream()) {
                    String name = part.getFileName() == null ? "image" : MimeUtility.decodeText(part.getFileName());
                    into.images.add(new Image(name, part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT),
                            in.readAllBytes()));
                }
            }
        } else if (part.isMimeType("text/plain") && into.plain == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            into.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && into.html == null) {
            into.html = String.valueOf(part.getContent());
        }
    }

    /** A reply with only an HTML part: its text, with blockquotes (the quoted history) kept as "&gt;" lines. */
    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?is)<blockquote[^>]*>", "\n> ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("(?s)<[^>]+>", "");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0].strip();
    }
}
