package io.vitrine.contacts.web;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The public side of contacts: the links in contact mail (confirm, unsubscribe; posted by mail clients without any
 * login, RFC 8058), the invite-link form on the shopper's phone, and in demo mode the demo mailbox. Each is
 * authorised by the unguessable token in its path, so none needs a session or a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ContactsSecurity {

    @Bean
    PublicEndpoints contactsEndpoints() {
        return new PublicEndpoints(new OrRequestMatcher(
                pathPattern("/api/v1/contacts/confirm/{token}"),
                pathPattern("/api/v1/contacts/unsubscribe/{token}"),
                pathPattern("/contacts/join/{token}"),
                pathPattern("/demo/inbox"), pathPattern("/demo/inbox/**")));
    }
}
