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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An inbound email as contacts need it, parsed with Jakarta Mail: sender, Message-ID and In-Reply-To, the text
 * (the text/plain part, or the HTML part as text), and image attachments. A delivery status notification (RFC 3464,
 * {@code multipart/report; report-type=delivery-status}) saying delivery failed carries a {@link Bounce}.
 */
record InboundMail(String from, String messageId, String inReplyTo, String subject, String text,
        List<Image> images, @Nullable Bounce bounce) {

    record Image(String fileName, String contentType, byte[] content) {}

    /** A failed delivery: the Message-ID of the message that bounced, its status code (5.1.1) and the diagnostic. */
    record Bounce(String originalMessageId, String status, String diagnostic) {

        String reason() {
            return ("bounced: " + status + " " + diagnostic).strip();
        }
    }

    InboundMail(String from, String messageId, String inReplyTo, String subject, String text, List<Image> images) {
        this(from, messageId, inReplyTo, subject, text, images, null);
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern FIELD = Pattern.compile("(?im)^(Action|Status|Diagnostic-Code):\\s*(.+(?:\\r?\\n[ \\t].+)*)");

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
                text, List.copyOf(collected.images), collected.bounce());
    }

    private static final class Collected {
        String plain;
        String html;
        final List<Image> images = new ArrayList<>();
        String deliveryStatus;
        String originalMessageId;

        /** Only a report whose recipient's Action is failed, about a message that names its Message-ID. */
        @Nullable Bounce bounce() {
            if (deliveryStatus == null || originalMessageId == null) {
                return null;
            }
            String action = "";
            String status = "";
            String diagnostic = "";
            Matcher field = FIELD.matcher(deliveryStatus);
            while (field.find()) {
                String value = field.group(2).replaceAll("\\s+", " ").strip();
                switch (field.group(1).toLowerCase(Locale.ROOT)) {
                    case "action" -> action = value.toLowerCase(Locale.ROOT);
                    case "status" -> status = value;
                    default -> diagnostic = value.replaceFirst("(?i)^smtp;\\s*", "");
                }
            }
            return action.equals("failed") ? new Bounce(originalMessageId, status, diagnostic) : null;
        }
    }

    private static void walk(Part part, Collected into) throws MessagingException, IOException {
        if (part.isMimeType("message/delivery-status")) {
            into.deliveryStatus = text(part);
        } else if (part.isMimeType("text/rfc822-headers")) {
            into.originalMessageId = messageId(text(part));
        } else if (part.isMimeType("message/rfc822") && into.deliveryStatus != null) {
            into.originalMessageId = part.getContent() instanceof MimeMessage original ? original.getMessageID()
                    : messageId(text(part));
        } else if (part.isMimeType("multipart/*")) {
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

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static @Nullable String messageId(String headers) {
        Matcher matcher = MESSAGE_ID.matcher(headers);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0].strip();
    }
}
