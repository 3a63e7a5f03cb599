package io.vitrine.merchant.internal;

/** A value typed by a client, made safe for one log line (no line breaks to forge entries, bounded length). */
final class LogSafe {

    private LogSafe() {}

    static String of(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
