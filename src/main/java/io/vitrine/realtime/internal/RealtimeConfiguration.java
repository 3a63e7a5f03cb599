package io.vitrine.realtime.internal;

import io.vitrine.shared.PublicUrl;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** One endpoint for everyone. Without configured origins only pages served by Vitrine itself may connect. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final RealtimeHandler handler;
    private final RealtimeProperties properties;
    private final PublicUrl publicUrl;

    RealtimeConfiguration(RealtimeHandler handler, RealtimeProperties properties, PublicUrl publicUrl) {
        this.handler = handler;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws")
                .addInterceptors(new OriginGuard())
                .setAllowedOriginPatterns(allowedOrigins());
    }

    /** The configured extra origins, and Vitrine's public address (a proxy may present another host to Vitrine). */
    private String[] allowedOrigins() {
        var origins = new java.util.ArrayList<>(properties.allowedOrigins());
        publicUrl.configuredOrigin().ifPresent(origins::add);
        return origins.toArray(String[]::new);
    }
}
