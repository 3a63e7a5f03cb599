package io.vitrine.shared;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a participant appears everywhere: initials of the screen name on a colour picked at random
 * when they join. The palette only holds colours that keep white initials readable (WCAG AA).
 */
public record Avatar(String participantId, String role, String name, String initials, String color) {

    private static final List<String> PALETTE = List.of(
            "#1f6feb", "#7b3fa0", "#b3261e", "#0b7a4b", "#8a4b00", "#00695c",
            "#5b3cc4", "#c2185b", "#37474f", "#2e5aac", "#6d4c41", "#1b5e20");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String randomColor() {
        return PALETTE.get(RANDOM.nextInt(PALETTE.size()));
    }

    /** "Anna Expert" → "AE", "alex" → "A", "  " → "?". */
    public static String initialsOf(String screenName) {
        String initials = Arrays.stream(screenName.trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(2)
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)))
                .collect(Collectors.joining());
        return initials.isEmpty() ? "?" : initials.toUpperCase(Locale.ROOT);
    }

    public static Avatar of(String participantId, String role, String name, String color) {
        return new Avatar(participantId, role, name, initialsOf(name), color);
    }
}
