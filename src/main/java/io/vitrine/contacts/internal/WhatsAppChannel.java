package io.vitrine.contacts.internal;

import io.vitrine.channels.Channel;
import io.vitrine.channels.ChannelsApi;
import io.vitrine.channels.ProviderMessage;
import io.vitrine.channels.WhatsAppGateway;
import io.vitrine.contacts.ContactChannel;
import io.vitrine.contacts.OutboundMessage;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp channel: the Cloud API through the channels module, from the expert's business number. The double
 * opt-in request is an approved template with a YES quick-reply (templates reach a shopper outside the 24-hour
 * window); the expert's message outside the window goes as the approved re-engagement template ({{1}} the expert,
 * {{2}} their text); other messages are free-form text, which WhatsApp refuses outside the window.
 */
@Component
class WhatsAppChannel extends PhoneChannel {

    static final String CONFIRM_PAYLOAD = "YES";

    private final WhatsAppGateway gateway;
    private final String optInTemplate;
    private final String reengagementTemplate;
    private final String templateLanguage;

    WhatsAppChannel(ChannelsApi channels, Proxies proxies, WhatsAppGateway gateway,
            @Value("${vitrine.contacts.whatsapp.opt-in-template:vitrine_contact_opt_in}") String optInTemplate,
            @Value("${vitrine.contacts.whatsapp.reengagement-template:vitrine_contact_message}") String reengagementTemplate,
            @Value("${vitrine.contacts.whatsapp.template-language:en}") String templateLanguage) {
        super(channels, proxies);
        this.gateway = gateway;
        this.optInTemplate = optInTemplate;
        this.reengagementTemplate = reengagementTemplate;
        this.templateLanguage = templateLanguage;
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.WHATSAPP;
    }

    @Override
    Channel providerChannel() {
        return Channel.WHATSAPP;
    }

    @Override
    ProviderMessage deliver(OutboundMessage message) {
        if (confirmation(message)) {
            return gateway.sendTemplate(message.merchantId(), message.from(), message.to(),
                    new WhatsAppGateway.Template(optInTemplate, templateLanguage, List.of(message.fromName()),
                            CONFIRM_PAYLOAD), message.messageId());
        }
        if (message.template()) {
            return gateway.sendTemplate(message.merchantId(), message.from(), message.to(),
                    new WhatsAppGateway.Template(reengagementTemplate, templateLanguage,
                            List.of(message.fromName(), templateParameter(message.text())), null),
                    message.messageId());
        }
        return gateway.sendText(message.merchantId(), message.from(), message.to(), withProducts(message),
                message.messageId());
    }

    /**
     * A template's body parameter may hold no new lines or tabs and no more than four spaces in a row (the Cloud API
     * refuses it with error 132018), so the expert's paragraphs are joined into one line.
     */
    static String templateParameter(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n\\t]+\\s*", " ").replaceAll(" {4,}", "   ");
    }
}
