package io.vitrine.commerce.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names this module's server frames for reading too, not only writing: a cluster node reads each frame another
 * node published (NATS) back into its record before delivering it to its own sockets.
 */
@Configuration(proxyBeanMethods = false)
class CommerceFrameTypes {

    @Bean
    JsonMapperBuilderCustomizer commerceFrames() {
        return builder -> builder.registerSubtypes(CommerceFrames.Suggestion.class, CommerceFrames.CartFrame.class,
                CommerceFrames.VotesFrame.class, CommerceFrames.Voted.class, CommerceFrames.ProductsFrame.class,
                CommerceFrames.HandoffFrame.class);
    }
}
