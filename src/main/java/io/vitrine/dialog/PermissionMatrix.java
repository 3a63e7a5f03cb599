package io.vitrine.dialog;

import io.vitrine.shared.DialogRole;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.vitrine.dialog.Permission.*;

/**
 * Who may do what in a dialog, by seat. The server checks every action against this table; the widget and
 * console receive the caller's row to decide what to show. docs/permissions.md is this table in prose.
 */
public final class PermissionMatrix {

    private static final Map<DialogRole, Set<Permission>> GRANTED = new EnumMap<>(DialogRole.class);

    static {
        GRANTED.put(DialogRole.HOST, EnumSet.of(VIEW, CHAT, SPEAK, SEE_PARTICIPANTS, READ_PRIVACY_POLICY, REPORT_PROBLEM,
                INVITE, END, RATE, SET_MODE, REOPEN_WIDGET, SUBSCRIBE_NOTIFICATIONS, SCHEDULE_APPOINTMENT, SEE_CART,
                ADD_TO_CART));
        GRANTED.put(DialogRole.GUEST, EnumSet.of(VIEW, CHAT, SPEAK, SEE_PARTICIPANTS, READ_PRIVACY_POLICY, REPORT_PROBLEM,
                LEAVE));
        GRANTED.put(DialogRole.EXPERT, EnumSet.of(VIEW, CHAT, SPEAK, PUBLISH_VIDEO, SEE_PARTICIPANTS, REPORT_PROBLEM,
                END, SET_MODE, SCHEDULE_APPOINTMENT, SEE_CART, SUGGEST_PRODUCTS));
        GRANTED.put(DialogRole.ADMIN, EnumSet.of(VIEW, SEE_PARTICIPANTS, END, READ_REPORTS));
        GRANTED.put(DialogRole.COLLEAGUE, EnumSet.of(VIEW, SEE_PARTICIPANTS));
        // Appointments: the Host alone adds Guests to an upcoming one (docs/scheduling.md).
        GRANTED.get(DialogRole.HOST).add(INVITE_TO_APPOINTMENT);
    }

    static {
        // Products in the dialog: the expert shows, customers vote, the Host alone orders.
        GRANTED.get(DialogRole.HOST).addAll(EnumSet.of(VOTE, PLACE_ORDER));
        GRANTED.get(DialogRole.GUEST).add(VOTE);
        GRANTED.get(DialogRole.EXPERT).add(SHOW_PRODUCT);
        // Clienteling: only experts invite a shopper to keep in touch.
        GRANTED.get(DialogRole.EXPERT).add(INVITE_TO_CONTACTS);
    }

    private PermissionMatrix() {}

    public static Set<Permission> granted(DialogRole role) {
        return Collections.unmodifiableSet(GRANTED.get(role));
    }

    public static boolean allows(DialogRole role, Permission permission) {
        return GRANTED.get(role).contains(permission);
    }
}
