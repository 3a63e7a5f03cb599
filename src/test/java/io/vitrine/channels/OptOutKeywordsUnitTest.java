package io.vitrine.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.channels.OptOutKeywords.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "STOP", "stop", "Stop", "sToP", " stop", "stop ", "  STOP  ", "\tstop\n", "stop.", "stop!", "STOP!!!",
            "¡stop!", "\"stop\"", "'stop'", "(stop)", "stop 🙏", "🛑 STOP 🛑", "...stop...", "stop?", "-stop-", "*STOP*",
            "\u200Bstop", "\u00A0stop\u00A0",
            "STOPALL", "stopall", "StopAll", "stopall.",
            "UNSUBSCRIBE", "unsubscribe", "Unsubscribe!", " unsubscribe ",
            "CANCEL", "cancel", "Cancel.",
            "END", "end", "End!",
            "QUIT", "quit", "Quit.",
            "REVOKE", "revoke", "Revoke!",
            "OPT OUT", "opt out", "Opt Out", "opt  out", "opt-out", "OPT_OUT", "opt\tout", "Opt out!",
            "OPTOUT", "optout", "OptOut.", "[optout]"})
    void shouldOptOutOnEveryKeywordInAnyCaseWithSurroundingPunctuation(String message) {
        assertThat(OptOutKeywords.classify(Channel.SMS, message)).isEqualTo(Keyword.OPT_OUT);
        assertThat(OptOutKeywords.classify(Channel.WHATSAPP, message)).isEqualTo(Keyword.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "stop by tomorrow?", "please stop", "stop please", "Don't stop", "stopp", "stopping", "unstoppable",
            "s t o p", "st op", "STOP ALL", "cancel my order", "the end", "endless", "quitting", "opt", "out",
            "opt in", "opt-outs", "stop.stop", "stop stop", "", "   ", "?!", "Can I stop the subscription?",
            "cancelled", "unsubscribed", "revoked"})
    void shouldNotTakeASentenceOrANearMissForAKeyword(String message) {
        assertThat(OptOutKeywords.classify(Channel.SMS, message)).isEqualTo(Keyword.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", "Start!", " unstop ", "UNSTOP."})
    void shouldOptBackInOnSmsOnly(String message) {
        assertThat(OptOutKeywords.classify(Channel.SMS, message)).isEqualTo(Keyword.OPT_IN);
        assertThat(OptOutKeywords.classify(Channel.WHATSAPP, message)).isEqualTo(Keyword.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"YES", "yes", "Yes!", " yes. ", "👍 yes"})
    void shouldConfirmOnYes(String message) {
        assertThat(OptOutKeywords.classify(Channel.SMS, message)).isEqualTo(Keyword.CONFIRM);
        assertThat(OptOutKeywords.classify(Channel.WHATSAPP, message)).isEqualTo(Keyword.CONFIRM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes please", "yess", "yesterday", "no"})
    void shouldNotConfirmOnAnythingElse(String message) {
        assertThat(OptOutKeywords.classify(Channel.SMS, message)).isEqualTo(Keyword.NONE);
    }
}
