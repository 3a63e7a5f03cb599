package io.vitrine.dialog;

/** Everything someone may or may not do in a dialog. Each refusal message names who may. */
public enum Permission {
    VIEW("You take no part in this dialog."),
    CHAT("Only the dialog's participants can write in it."),
    SPEAK("Only the dialog's participants can speak in the stream."),
    PUBLISH_VIDEO("Only the expert sends video; customers take part with their microphone."),
    SEE_PARTICIPANTS("Only the dialog's participants can see who is present."),
    READ_PRIVACY_POLICY("Only customers are shown the privacy policy here."),
    REPORT_PROBLEM("Only the dialog's participants can report a problem with it."),
    INVITE("Only the Host can invite others or revoke the invite link."),
    LEAVE("The Host does not leave the stream; end the dialog instead."),
    END("Only the Host, the dialog's expert or an admin can end this dialog."),
    RATE("Only the Host can rate this dialog."),
    SET_MODE("Only the Host or the dialog's expert can switch between video and text only."),
    REOPEN_WIDGET("Only the Host can close and reopen the widget with this dialog."),
    SUBSCRIBE_NOTIFICATIONS("Only the Host can subscribe to notifications about this dialog."),
    SCHEDULE_APPOINTMENT("Only the Host or the expert can schedule an appointment."),
    INVITE_TO_APPOINTMENT("Only the Host can add Guests to an appointment."),
    SEE_CART("Only the Host and the expert see the cart and the expert's add-to-cart invitations."),
    ADD_TO_CART("Only the Host can add products to the cart."),
    SUGGEST_PRODUCTS("Only the dialog's expert can suggest products into the Host's cart."),
    ADD_REMOVE_PARTICIPANTS("Nobody adds or removes participants: customers join through the Host's link and leave by themselves."),
    READ_REPORTS("Only the merchant's admins can read problem reports."),
    SHOW_PRODUCT("Only the dialog's expert can show products in it."),
    VOTE("Only the dialog's customers can vote on the products shown."),
    PLACE_ORDER("Only the Host can hand the cart to the shop or place the order."),
    INVITE_TO_CONTACTS("Only the dialog's expert can invite the Host to their contacts.");

    private final String refusal;

    Permission(String refusal) {
        this.refusal = refusal;
    }

    /** What a refused caller is told. */
    public String refusal() {
        return refusal;
    }
}
