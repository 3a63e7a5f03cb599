package io.vitrine.channels;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which keyword, if any, a shopper's SMS or WhatsApp message is. A pure policy: no I/O, no clock.
 *
 * <p>The rule: the WHOLE message must be the keyword. Whitespace, punctuation and symbols (emoji included) around it
 * are ignored, case is ignored, and the two words of "OPT OUT" may be joined by spaces, a hyphen or an underscore.
 * Anything else in the message ("stop by tomorrow?", "please stop", "stopp") is a message to read, not a keyword:
 * this is how Twilio and the US carriers match STOP, and a shopper who writes a sentence gets an answer from a person
 * rather than a silent opt-out. START and UNSTOP mean opt-in on SMS only (WhatsApp has no such keyword); YES confirms
 * a double opt-in on both.
 */
public final class OptOutKeywords {

    public enum Keyword { NONE, OPT_OUT, OPT_IN, CONFIRM }

    private static final Set<String> OPT_OUT = Set.of(
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPT OUT", "OPTOUT");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP");
    private static final Set<String> CONFIRM = Set.of("YES");

    /** Leading and trailing whitespace, punctuation (P*), symbols (S*, emoji) and invisible format characters. */
    private static final Pattern EDGES = Pattern.compile("^[\\s\\p{Z}\\p{P}\\p{S}\\p{Cf}]+|[\\s\\p{Z}\\p{P}\\p{S}\\p{Cf}]+$");
    private static final Pattern OPT_OUT_JOINER = Pattern.compile("^OPT[\\s\\p{Z}_\\-]+OUT$");
    /** Longer messages are never a keyword; skips normalising a long text. */
    private static final int LONGEST = 40;

    private OptOutKeywords() {}

    public static Keyword classify(Channel channel, String message) {
        if (message.length() > LONGEST) {
            return Keyword.NONE;
        }
        String word = EDGES.matcher(message).replaceAll("").toUpperCase(Locale.ROOT);
        if (OPT_OUT_JOINER.matcher(word).matches()) {
            word = "OPT OUT";
        }
        if (OPT_OUT.contains(word)) {
            return Keyword.OPT_OUT;
        }
        if (OPT_IN.contains(word)) {
            return channel == Channel.SMS ? Keyword.OPT_IN : Keyword.NONE;
        }
        return CONFIRM.contains(word) ? Keyword.CONFIRM : Keyword.NONE;
    }
}
