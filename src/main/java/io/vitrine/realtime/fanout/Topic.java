package io.vitrine.realtime.fanout;

import io.vitrine.shared.DialogRole;
import java.util.Locale;
import java.util.UUID;

/** Who receives a frame: everyone following a dialog, all staff of a merchant, or one team member. */
public record Topic(String kind, UUID id) {

    public static Topic dialog(UUID dialogId) {
        return new Topic("dialog", dialogId);
    }

    public static Topic staff(UUID merchantId) {
        return new Topic("staff", merchantId);
    }

    public static Topic member(UUID memberId) {
        return new Topic("member", memberId);
    }

    /** The connections following a dialog from one seat (a kind without dots, so it names a NATS subject). */
    public static Topic dialogSeat(UUID dialogId, DialogRole seat) {
        return new Topic("dialog-" + seat.name().toLowerCase(Locale.ROOT), dialogId);
    }
}
