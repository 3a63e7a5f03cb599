package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogView;
import io.vitrine.dialog.ParticipantRole;
import io.vitrine.merchant.Merchant;
import io.vitrine.merchant.MerchantApi;
import io.vitrine.shared.Avatar;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles {@link DialogView}s from the stored rows. */
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
        List<Participants.Row> all = participants.ofDialog(d.id());
        Merchant merchant = merchants.get(d.merchantId());
        Avatar host = latest(all, ParticipantRole.HOST);
        Avatar expert = latest(all, ParticipantRole.EXPERT);
        List<Avatar> present = all.stream().filter(Participants.Row::present).map(Participants.Row::avatar).toList();
        return new DialogView(d.id(), d.status(), d.mode(), d.createdAt(), d.acceptedAt(), d.endedAt(),
                new DialogView.MerchantRef(merchant.slug(), merchant.name()), merchant.settings().coopShopping(),
                DialogView.MAX_CUSTOMERS, host, expert, present, d.rating(),
                d.ratingComment(), d.lastSeq(), dialogs.lastMessage(d.id()).orElse(null), d.rateable());
    }

    private static Avatar latest(List<Participants.Row> all, ParticipantRole role) {
        return all.stream().filter(p -> p.role() == role).reduce((first, second) -> second)
                .map(Participants.Row::avatar).orElse(null);
    }
}
