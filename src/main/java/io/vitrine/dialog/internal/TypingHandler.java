package io.vitrine.dialog.internal;

import io.vitrine.dialog.DialogApi;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.Push;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.Avatar;
import org.springframework.stereotype.Component;

/** "Someone is typing", passed on to the dialog's followers and not stored. */
@Component
class TypingHandler implements FrameHandler<ClientMessage.Typing> {

    private final DialogApi dialogs;
    private final Push push;

    TypingHandler(DialogApi dialogs, Push push) {
        this.dialogs = dialogs;
        this.push = push;
    }

    @Override
    public String wireType() {
        return "typing";
    }

    @Override
    public Class<ClientMessage.Typing> frameType() {
        return ClientMessage.Typing.class;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Typing typing) {
        Avatar me = dialogs.participant(typing.dialogId(), context.actor());
        push.toDialog(typing.dialogId(), new ServerMessage.Typing(typing.dialogId(), me.participantId(), me.name()));
    }
}
