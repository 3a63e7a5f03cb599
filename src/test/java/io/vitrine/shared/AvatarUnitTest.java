package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvatarUnitTest {

    @Test
    void shouldMakeInitialsFromUpToTwoWords() {
        assertThat(Avatar.initialsOf("Anna Expert")).isEqualTo("AE");
        assertThat(Avatar.initialsOf("alex")).isEqualTo("A");
        assertThat(Avatar.initialsOf("  mary   jane  watson ")).isEqualTo("MJ");
        assertThat(Avatar.initialsOf("Zoë Ørsted")).isEqualTo("ZØ");
        assertThat(Avatar.initialsOf("😀 fan")).isEqualTo("😀F");
        assertThat(Avatar.initialsOf("   ")).isEqualTo("?");
    }

    @Test
    void shouldPickColoursThatKeepWhiteInitialsReadable() {
        for (int i = 0; i < 200; i++) {
            String color = Avatar.randomColor();
            assertThat(contrastWithWhite(color)).as(color).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static double contrastWithWhite(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
