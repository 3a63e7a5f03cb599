package io.vitrine.media.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the media's server frame for reading too: a cluster node reads frames other nodes published (NATS). */
@Configuration(proxyBeanMethods = false)
class MediaFrameTypes {

    @Bean
    JsonMapperBuilderCustomizer mediaFrames() {
        return builder -> builder.registerSubtypes(StreamFrame.class);
    }
}
