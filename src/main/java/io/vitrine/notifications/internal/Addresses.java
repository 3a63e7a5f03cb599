package io.vitrine.notifications.internal;

import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.notifications.Recipient;
import io.vitrine.notifications.RecipientDirectory;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A recipient's name and email address, looked up when sending so a changed address is used. */
@Component
class Addresses {

    record Address(String name, String email) {}

    private final TeamApi team;
    private final ShopperApi shoppers;
    private final List<RecipientDirectory> directories;

    Addresses(TeamApi team, ShopperApi shoppers, List<RecipientDirectory> directories) {
        this.team = team;
        this.shoppers = shoppers;
        this.directories = directories;
    }

    Optional<Address> of(Recipient recipient) {
        return switch (recipient.kind()) {
            case STAFF -> team.findMember(recipient.id())
                    .filter(member -> member.merchantId().equals(recipient.merchantId()))
                    .map(Addresses::address);
            case SHOPPER -> shoppers.find(recipient.id())
                    .filter(shopper -> shopper.merchantId().equals(recipient.merchantId()))
                    .flatMap(Addresses::address);
            case BUYER, INVITEE -> directories.stream().flatMap(directory -> directory.find(recipient).stream())
                    .findFirst().map(entry -> new Address(entry.name(), entry.email()));
        };
    }

    private static Address address(Member member) {
        return new Address(member.displayName(), member.email());
    }

    private static Optional<Address> address(Shopper shopper) {
        return Optional.ofNullable(shopper.email()).filter(email -> !email.isBlank())
                .map(email -> new Address(shopper.fullName() != null ? shopper.fullName() : shopper.screenName(), email));
    }
}
