package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.Avatar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Assembles {@link DialogView}s from the stored rows. A list is built from a fixed number of reads, however many
 * dialogs it holds: participants and last messages of all its dialogs are loaded at once.
 */
@Component
class DialogViews {

    private final Participants participants;
    private final Dialogs dialogs;
    private final MerchantApi merchants;

    DialogViews(Participants participants, Dialogs dialogs, MerchantApi merchants) {
        this.participants = participants;
        this.dialogs = dialogs;
        this.merchants = merchants;
    }

    DialogView of(DialogRow d) {
        return view(d, participants.ofDialog(d.id()), merchants.get(d.merchantId()),
                dialogs.lastMessage(d).orElse(null));
    }

    List<DialogView> of(List<DialogRow> rows) {
        List<UUID> ids = rows.stream().map(DialogRow::id).toList();
        Map<UUID, List<Participants.Row>> people = participants.ofDialogs(ids);
        Map<UUID, String> lastMessages = dialogs.lastMessages(rows);
        // A list is usually of one merchant; each merchant is read once.
        Map<UUID, Merchant> merchantsById = new HashMap<>();
        return rows.stream().map(d -> view(d, people.getOrDefault(d.id(), List.of()),
                merchantsById.computeIfAbsent(d.merchantId(), merchants::get), lastMessages.get(d.id()))).toList();
    }

    private static DialogView view(DialogRow d, List<Participants.Row> all, Merchant merchant, String lastMessage) {
        Avatar host = latest(all, ParticipantRole.HOST);
        Avatar expert = latest(all, ParticipantRole.EXPERT);
        List<Avatar> present = all.stream().filter(Participants.Row::present).map(Participants.Row::avatar).toList();
        return new DialogView(d.id(), d.status(), d.mode(), d.createdAt(), d.acceptedAt(), d.endedAt(),
                new DialogView.MerchantRef(merchant.slug(), merchant.name()), merchant.settings().coopShopping(),
                DialogView.MAX_CUSTOMERS, host, expert, present, d.rating(),
                d.ratingComment(), d.lastSeq(), lastMessage, d.rateable());
    }

    /** The role's latest holder; {@code all} is in joining order. */
    static Avatar latest(List<Participants.Row> all, ParticipantRole role) {
        return all.stream().filter(p -> p.role() == role).reduce((first, second) -> second)
                .map(Participants.Row::avatar).orElse(null);
    }
}
