package io.vitrine.dialog.internal;

import static io.vitrine.shared.Db.ts;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    /** What a dialog's first event was, once it exists (it never changes): asked for every answer an expert writes. */
    private final Map<UUID, Boolean> firstEventWasLeft = new ConcurrentHashMap<>();
    private static final int KNOWN_FIRST_EVENTS = 10_000;

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
     * Whether a stored event is an expert's answer in a dialog that began as a left message, the only events this
     * listens to ({@link DialogChanges} publishes {@link Answered} for those alone): every other timeline event stays
     * out of the event publication registry, which would cost three writes each, and no condition is evaluated for
     * each chat message (a SpEL condition on {@code TimelineAppended} cost a tenth of the chat writer's time).
     */
    boolean answers(TimelineEvent event) {
        return event.kind() == EventKind.MESSAGE && event.author() != null && "EXPERT".equals(event.author().role())
                && wasLeftMessage(event.dialogId());
    }

    /** An expert answered in a dialog that began as a left message (see {@link #answers}). */
    public record Answered(UUID merchantId, TimelineEvent event) {}

    @ApplicationModuleListener
    void on(Answered answered) {
        TimelineEvent event = answered.event();
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
     * all of a long dialog's rows each time; once that row exists the answer is kept (for the last 10,000 dialogs
     * asked about), as the first event never changes.
     */
    public boolean wasLeftMessage(UUID dialogId) {
        Boolean known = firstEventWasLeft.get(dialogId);
        if (known != null) {
            return known;
        }
        var first = jdbc.sql("select kind from timeline_event where dialog_id = ? and seq = 1").param(dialogId)
                .query(String.class).optional();
        boolean left = first.filter(EventKind.MESSAGE_LEFT.name()::equals).isPresent();
        if (first.isPresent()) {
            if (firstEventWasLeft.size() >= KNOWN_FIRST_EVENTS) {
                firstEventWasLeft.clear();
            }
            firstEventWasLeft.put(dialogId, left);
        }
        return left;
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
