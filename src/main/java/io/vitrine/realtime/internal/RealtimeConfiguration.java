package io.vitrine.realtime.internal;

import io.vitrine.shared.VitrineProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** One endpoint for everyone. Without configured origins only pages served by Vitrine itself may connect. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final RealtimeHandler handler;
    private final VitrineProperties properties;

    RealtimeConfiguration(RealtimeHandler handler, VitrineProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws")
                .addInterceptors(new OriginGuard())
                .setAllowedOriginPatterns(properties.realtime().allowedOrigins().toArray(String[]::new));
    }
}
