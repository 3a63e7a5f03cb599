package io.vitrine.dialog.internal;

import static io.vitrine.shared.Db.ts;

import io.vitrine.dialog.DialogEvents.TimelineAppended;
import io.vitrine.dialog.EventKind;
import io.vitrine.dialog.TimelineEvent;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.notifications.Channel;
import io.vitrine.notifications.Notification;
import io.vitrine.notifications.NotificationsApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails the shopper of a left message when staff answer it, since they are usually gone by then. The address stays
 * on the server: the notifications module looks it up when sending. Runs from the event publication registry, so an
 * answer committed just before a crash is still mailed after the restart; at most one email per quiet period.
 */
@Component
class AnswerMail {

    static final String KIND = "dialog.answered";

    private final JdbcClient jdbc;
    private final Dialogs dialogs;
    private final ShopperApi shoppers;
    private final MerchantApi merchants;
    private final NotificationsApi notifications;
    private final AnswerMailProperties properties;
    private final Clock clock;

    AnswerMail(JdbcClient jdbc, Dialogs dialogs, ShopperApi shoppers, MerchantApi merchants,
            NotificationsApi notifications, AnswerMailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.dialogs = dialogs;
        this.shoppers = shoppers;
        this.merchants = merchants;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The condition keeps every other timeline event out of the event publication registry: all but an expert's
     * answer in a dialog that began as a left message (most dialogs began live), which would cost three writes each.
     * A publication exists only for an event that passed it, and a dialog's first event never changes, so the
     * listener does not ask again.
     */
    @ApplicationModuleListener(condition = "#p0.event().kind().name() == 'MESSAGE' and #p0.event().author() != null"
            + " and #p0.event().author().role() == 'EXPERT' and @answerMail.wasLeftMessage(#p0.event().dialogId())")
    void on(TimelineAppended appended) {
        TimelineEvent event = appended.event(); // an expert's answer to a left message: the condition says so
        DialogRow dialog = dialogs.find(event.dialogId()).orElse(null);
        Shopper host = dialog == null ? null : shoppers.find(dialog.hostShopperId()).orElse(null);
        if (host == null || !reachable(host) || !claim(dialog, Instant.now(clock))) {
            return;
        }
        Merchant shop = merchants.get(dialog.merchantId());
        String expert = event.author().name();
        notifications.notify(Notification.of(KIND, expert + " of " + shop.name() + " answered your message",
                        body(expert, event.text()), link(shop, dialog), Channel.EMAIL),
                List.of(Recipient.shopper(dialog.merchantId(), host.id())));
    }

    /** Only a shopper who gave an email address hears back; the shopper module keeps one only with consent. */
    static boolean reachable(Shopper shopper) {
        return shopper.email() != null && !shopper.email().isBlank();
    }

    /**
     * Whether the dialog began as a message left while no expert was online: its first event (sequence 1) says so.
     * One row read by primary key, for every answer an expert writes: counting the dialog's events of that kind read
     * all of a long dialog's rows each time. Public for the listener's condition.
     */
    public boolean wasLeftMessage(UUID dialogId) {
        return jdbc.sql("select kind from timeline_event where dialog_id = ? and seq = 1").param(dialogId)
                .query(String.class).optional().filter(EventKind.MESSAGE_LEFT.name()::equals).isPresent();
    }

    /** One conditional update, so two nodes or a replayed event never mail twice within the quiet period. */
    private boolean claim(DialogRow dialog, Instant now) {
        return jdbc.sql("""
                update dialog set answer_mailed_at = ?
                where id = ? and (answer_mailed_at is null or answer_mailed_at <= ?)
                """).params(ts(now), dialog.id(), ts(now.minus(properties.quietPeriod()))).update() == 1;
    }

    private static String body(String expert, String answer) {
        return expert + " wrote:\n\n" + answer + "\n\nOpen the link below to reply in the chat. If the chat opens "
                + "empty (for example in another browser), open the chat from the shop's website where you left "
                + "your message.";
    }

    /** The widget page on this dialog; the notifications module makes it absolute with vitrine.public-url. */
    private static String link(Merchant shop, DialogRow dialog) {
        return "/widget/" + shop.slug() + "?dialog=" + dialog.id();
    }
}
