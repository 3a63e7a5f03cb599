package io.vitrine.realtime.fanout;

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
}
