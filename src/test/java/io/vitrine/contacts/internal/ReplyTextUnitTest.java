package io.vitrine.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shown text of a reply is what the shopper wrote: quoted history and signatures are cut off. */
class ReplyTextUnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gmail quote             | Yes, in M please.\\n\\nOn Mon, 30 Nov 2026 at 10:00, Anna <a@reply.test> wrote:\\n> Blue is back
            gmail wrapped quote     | Yes, in M please.\\n\\nOn Mon, 30 Nov 2026 at 10:00, Anna Expert\\n<a@reply.test> wrote:\\n> Blue
            plain quoted lines      | Yes, in M please.\\n> Blue is back\\n> in all sizes
            signature               | Yes, in M please.\\n-- \\nAlex Doe\\n+49 30 1234567
            mobile signature        | Yes, in M please.\\n\\nSent from my iPhone
            outlook original        | Yes, in M please.\\n\\n-----Original Message-----\\nFrom: Anna\\nBlue is back
            outlook from block      | Yes, in M please.\\n\\nFrom: Anna Expert <a@reply.test>\\nSent: Monday
            german quote            | Yes, in M please.\\n\\nAm 30.11.2026 um 10:00 schrieb Anna <a@reply.test>:\\n> Blau
            """)
    void shouldKeepOnlyWhatThePersonWrote(String name, String raw) {
        assertThat(ReplyText.visible(raw.replace("\\n", "\n"))).isEqualTo("Yes, in M please.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            several paragraphs | First line.\\n\\nSecond paragraph, on Monday I wrote: fine.
            mentions on        | On second thought, the blue one.
            """)
    void shouldKeepTextThatOnlyLooksLikeAQuote(String name, String raw) {
        String text = raw.replace("\\n", "\n");
        assertThat(ReplyText.visible(text)).isEqualTo(text);
    }
}
