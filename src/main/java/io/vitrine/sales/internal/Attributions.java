package io.vitrine.sales.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.sales.Attribution;
import io.vitrine.sales.NewOrder;
import io.vitrine.sales.Share;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides who an order counts for from its hints. Hints come from a shop's cart attributes, so they are checked: an
 * expert of another merchant or an unknown share is ignored. A live share's expert wins over a bare expert hint,
 * because the share proves where the buyer came from.
 */
@Component
class Attributions {

    private final TeamApi team;
    private final Shares shares;

    Attributions(TeamApi team, Shares shares) {
        this.team = team;
        this.shares = shares;
    }

    Attribution of(NewOrder order) {
        Optional<Share> share = Optional.ofNullable(order.shareToken()).filter(t -> !t.isBlank())
                .flatMap(shares::byToken)
                .filter(s -> s.merchantId().equals(order.merchantId()));
        UUID expertId = share.map(Share::expertId).orElse(order.expertId());
        Optional<Member> expert = Optional.ofNullable(expertId).flatMap(team::findMember)
                .filter(m -> m.merchantId().equals(order.merchantId()));
        return new Attribution(order.dialogId(), expert.map(Member::id).orElse(null), share.map(Share::id).orElse(null),
                expert.map(Member::store).orElse(null));
    }
}
