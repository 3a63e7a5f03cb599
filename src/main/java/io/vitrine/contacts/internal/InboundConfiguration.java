package io.vitrine.contacts.internal;

import io.vitrine.contacts.internal.ContactsProperties.Inbound;
import io.vitrine.shared.VitrineProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How replies to the reply domain arrive, chosen at start from {@code vitrine.contacts.inbound}: Vitrine's own SMTP
 * listener ({@code smtp}, the default), polling a catch-all mailbox ({@code imap}), or neither ({@code none}). The
 * receiver not chosen is not made (its bean is null).
 */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

    @Bean
    @Nullable SmtpInbound smtpInbound(ContactsProperties properties, Inbox inbox, DemoMailbox demoMailbox,
            VitrineProperties vitrine) {
        return properties.inbound() == Inbound.SMTP ? new SmtpInbound(inbox, demoMailbox, properties, vitrine) : null;
    }

    @Bean
    @Nullable ImapInbound imapInbound(ContactsProperties properties, Inbox inbox) {
        return properties.inbound() == Inbound.IMAP ? new ImapInbound(inbox, properties) : null;
    }
}
