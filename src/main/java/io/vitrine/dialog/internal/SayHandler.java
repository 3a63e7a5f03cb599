package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import org.springframework.stereotype.Component;

/** A chat message: the dialog stores it, and its followers receive it as an event. */
@Component
class SayHandler implements FrameHandler<ClientMessage.Say> {

    private final DialogApi dialogs;

    SayHandler(DialogApi dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public String wireType() {
        return "say";
    }

    @Override
    public Class<ClientMessage.Say> frameType() {
        return ClientMessage.Say.class;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Say say) {
        dialogs.say(say.dialogId(), context.actor(), say.text(), say.clientRef());
    }
}
