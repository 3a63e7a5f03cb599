package io.vitrine.channels.internal;

/** Values from requests, made safe for one log line (no line breaks, bounded length). */
final class LogText {

    private LogText() {}

    static String safe(String value) {
        String flat = value.replaceAll("[\\r\\n\\t]", "_");
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}
