package io.vitrine.channels.internal;

import io.vitrine.shared.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provider webhooks are called by Twilio and Meta, which hold no session and no CSRF token: each request proves itself
 * by its signature, checked in the handler. The demo provider (demo mode only) is called by the adapters themselves.
 */
@Configuration(proxyBeanMethods = false)
class ChannelsSecurity {

    @Bean
    PublicEndpoints channelWebhookEndpoints() {
        return PublicEndpoints.paths("/api/v1/channels/twilio/**", "/api/v1/channels/whatsapp/**",
                ProviderEndpoints.DEMO_TWILIO + "/**", ProviderEndpoints.DEMO_META + "/**");
    }
}
