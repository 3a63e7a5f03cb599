package io.vitrine.realtime.internal;

import io.vitrine.shared.PublicUrl;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
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

    /**
     * Tomcat keeps, for every open connection, a socket read and write buffer (8 KiB each by default) and, for every
     * WebSocket, an input, an output and an encoder buffer (8 KiB each). Realtime frames are small and an idle socket
     * is the common case, so they are 1 KiB each: 35 KiB less heap per open socket; a larger frame is simply read
     * and written in more pieces (Tomcat reads and writes past its buffer when the data is larger). An operator's own
     * {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} wins. Applied before Tomcat starts, so before its
     * WebSocket classes read the setting.
     */
    @Bean
    TomcatConnectorCustomizer smallSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
            if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
                System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(SOCKET_BUFFER_BYTES));
            }
        };
    }

    static final int SOCKET_BUFFER_BYTES = 1024;
    static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    /** The configured extra origins, and Vitrine's public address (a proxy may present another host to Vitrine). */
    private String[] allowedOrigins() {
        var origins = new java.util.ArrayList<>(properties.allowedOrigins());
        publicUrl.configuredOrigin().ifPresent(origins::add);
        return origins.toArray(String[]::new);
    }
}
