package io.vitrine.dialog;

/**
 * Who the staff of a dialog's merchant are talking to: the Host's screen name and the personal data they gave (when
 * the merchant collects it), and the page whose button started the dialog. Email and phone go to admins only, since
 * experts never see contact details; {@code contactWithheld} tells an expert that the shop has them.
 * For a dialog that began as a left message ({@code leftMessage}), {@code answerByEmail} says whether the Host hears
 * about staff answers by email (they gave an address and consented); otherwise they see an answer when they come back.
 */
public record CustomerDetails(String screenName, String name, String email, String phone, String pageUrl,
        boolean contactWithheld, boolean leftMessage, boolean answerByEmail) {}
