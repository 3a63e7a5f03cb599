package io.vitrine.contacts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an email reply a person wrote: the quoted history ("On … wrote:", "&gt;" lines, forwarded or original
 * message blocks) and the signature ("-- ", "Sent from my …") are cut off. Pure: no I/O.
 */
final class ReplyText {

    private static final List<Pattern> HISTORY = List.of(
            Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Am\\b.{0,300}\\bschrieb.{0,100}:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Le\\b.{0,300}\\ba écrit\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message|Ursprüngliche Nachricht)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*_{10,}\\s*$"),
            Pattern.compile("^\\s*From:\\s.+$"),
            Pattern.compile("^\\s*>.*"));

    private static final List<Pattern> SIGNATURE = List.of(
            Pattern.compile("^-- ?$"),
            Pattern.compile("^\\s*Sent from my \\w+.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Get Outlook for .*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Von meinem .* gesendet\\s*$", Pattern.CASE_INSENSITIVE));

    private ReplyText() {}

    static String visible(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Gmail wraps a long "On … wrote:" over two lines.
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1] : line;
            if (matches(HISTORY, line) || (line.strip().startsWith("On ") && matches(HISTORY, joined))
                    || matches(SIGNATURE, line)) {
                break;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean matches(List<Pattern> patterns, String line) {
        return patterns.stream().anyMatch(p -> p.matcher(line).matches());
    }
}
