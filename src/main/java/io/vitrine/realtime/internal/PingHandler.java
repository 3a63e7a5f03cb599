package io.vitrine.realtime.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import org.springframework.stereotype.Component;

/** Keeps the socket alive through proxies; allowed before {@code hello}. */
@Component
class PingHandler implements FrameHandler<ClientMessage.Ping> {

    @Override
    public String wireType() {
        return "ping";
    }

    @Override
    public Class<ClientMessage.Ping> frameType() {
        return ClientMessage.Ping.class;
    }

    @Override
    public boolean needsIdentity() {
        return false;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Ping frame) {
        context.reply(new ServerMessage.Pong());
    }
}
