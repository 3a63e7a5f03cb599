package io.vitrine.contacts.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelFailure;
import io.vitrine.channels.ChannelsApi;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.contacts.ChannelAdapter;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import io.vitrine.contacts.SendResult;
import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the SMS and WhatsApp adapters share: E.164 addresses, one number of the merchant's pool per expert (the pool
 * comes from the channels module), and turning the gateways' typed failures into send results.
 */
abstract class PhoneChannel implements ChannelAdapter {

    /** Separators people type inside a phone number. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private final ChannelsApi channels;
    private final Proxies proxies;

    PhoneChannel(ChannelsApi channels, Proxies proxies) {
        this.channels = channels;
        this.proxies = proxies;
    }

    abstract Channel providerChannel();

    /** Sends through the gateway; throws {@link ChannelFailure} when the provider refuses. */
    abstract ProviderMessage deliver(OutboundMessage message);

    @Override
    public boolean configured(UUID merchantId) {
        return channels.configured(merchantId, providerChannel())
                && !channels.numbers(merchantId, providerChannel()).isEmpty();
    }

    @Override
    public String normalize(String address) {
        String number = SEPARATORS.matcher(address == null ? "" : address.strip()).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!E164.matcher(number).matches()) {
            throw DomainException.invalidField("address",
                    "Enter a mobile number with its country code, like +49 151 12345678.");
        }
        return number;
    }

    /** The first number of the merchant's pool no other expert has on this channel. */
    @Override
    public String proxyAddress(UUID merchantId, UUID memberId, String suggestedName) {
        List<String> pool = channels.numbers(merchantId, providerChannel());
        Set<String> taken = proxies.taken(merchantId, channel());
        return pool.stream().filter(number -> !taken.contains(number)).findFirst()
                .orElseThrow(() -> DomainException.conflict("no_free_number", "Every "
                        + label() + " number of the shop is already an expert's; an admin can add numbers to the pool."));
    }

    @Override
    public SendResult send(OutboundMessage message) {
        try {
            return new SendResult.Sent(deliver(message).id());
        } catch (ChannelFailure failure) {
            String why = (failure.providerCode() == null ? "" : failure.providerCode() + " ")
                    + failure.providerReason();
            return switch (failure.reason()) {
                case RECIPIENT_OPTED_OUT -> new SendResult.OptedOut("the shopper opted out at " + label() + ": " + why);
                case OUTSIDE_SERVICE_WINDOW -> new SendResult.Failed(
                        "outside the 24-hour window: only a template reaches the shopper now (" + why + ")");
                case UNAVAILABLE -> new SendResult.Retry(label() + " provider: " + why);
                default -> new SendResult.Failed(label() + " provider refused: " + why);
            };
        }
    }

    /** The text with one line per product: title, price and link (phones show links, not cards). */
    static String withProducts(OutboundMessage message) {
        StringBuilder text = new StringBuilder(message.text().strip());
        for (OutboundMessage.ProductCard card : message.products()) {
            text.append("\n\n").append(card.title());
            if (card.price() != null && !card.price().isBlank()) {
                text.append(" – ").append(card.price());
            }
            if (card.url() != null) {
                text.append("\n").append(card.url());
            }
        }
        return text.toString();
    }

    /** The double opt-in request: OutboundMessage carries the confirm action only then. */
    static boolean confirmation(OutboundMessage message) {
        return message.actionUrl() != null;
    }

    private String label() {
        return channel() == ContactChannel.SMS ? "SMS" : "WhatsApp";
    }
}
