package io.vitrine.realtime.internal;

import io.vitrine.shared.Actor;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import io.vitrine.realtime.protocol.ClientMessage;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.shared.DomainException;
import io.vitrine.shopper.ShopperApi;
import org.springframework.stereotype.Component;

/** A shopper identifies the socket with their token; staff sockets are identified by their login already. */
@Component
class HelloHandler implements FrameHandler<ClientMessage.Hello> {

    private final ShopperApi shoppers;
    private final SocketGuard guard;

    HelloHandler(ShopperApi shoppers, SocketGuard guard) {
        this.shoppers = shoppers;
        this.guard = guard;
    }

    @Override
    public String wireType() {
        return "hello";
    }

    @Override
    public Class<ClientMessage.Hello> frameType() {
        return ClientMessage.Hello.class;
    }

    @Override
    public boolean needsIdentity() {
        return false;
    }

    @Override
    public void handle(FrameContext context, ClientMessage.Hello hello) {
        Connection connection = Caller.connectionOf(context);
        if (connection.actor() instanceof Actor.Staff staff) {
            context.reply(new ServerMessage.Welcome("staff", staff.memberId(), connection.name()));
            return;
        }
        var shopper = shoppers.authenticate(hello.token()).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHENTICATED, "unauthenticated", "This shopper token is not known."));
        connection.identify(new Actor.Shopper(shopper.id(), shopper.merchantId()), shopper.screenName());
        guard.stopWaiting(connection);
        context.reply(new ServerMessage.Welcome("shopper", shopper.id(), shopper.screenName()));
    }
}
