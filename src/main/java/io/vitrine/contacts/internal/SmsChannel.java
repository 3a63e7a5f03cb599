package io.vitrine.contacts.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelsApi;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.channels.SmsGateway;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import org.springframework.stereotype.Component;

/** The SMS channel: Twilio through the channels module, from the expert's number; double opt-in by replying YES. */
@Component
class SmsChannel extends PhoneChannel {

    private final SmsGateway gateway;

    SmsChannel(ChannelsApi channels, Proxies proxies, SmsGateway gateway) {
        super(channels, proxies);
        this.gateway = gateway;
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.SMS;
    }

    @Override
    Channel providerChannel() {
        return Channel.SMS;
    }

    @Override
    ProviderMessage deliver(OutboundMessage message) {
        String text = withProducts(message);
        if (confirmation(message)) {
            text += "\n\nReply YES to confirm, STOP to opt out.";
        }
        return gateway.send(message.merchantId(), message.from(), message.to(), text, message.messageId());
    }
}
