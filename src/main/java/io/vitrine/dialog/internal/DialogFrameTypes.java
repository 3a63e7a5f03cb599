package io.vitrine.dialog.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the dialog's server frames for reading too, not only writing: a cluster node reads each frame another
 * node published (NATS) back into its record before delivering it to its own sockets.
 */
@Configuration(proxyBeanMethods = false)
class DialogFrameTypes {

    @Bean
    JsonMapperBuilderCustomizer dialogFrames() {
        return builder -> builder.registerSubtypes(DialogFrames.Event.class, DialogFrames.Subscribed.class,
                DialogFrames.Dialog.class, DialogFrames.Queue.class, DialogFrames.StaffQueueUpdate.class);
    }
}
