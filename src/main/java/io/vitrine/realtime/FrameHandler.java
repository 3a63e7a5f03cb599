package io.vitrine.realtime;

/**
 * Handles one type of client frame. Modules contribute handlers as Spring beans; the gateway parses each frame
 * into {@link #frameType()}, validates it (Bean Validation), applies the rate limits, checks that the caller has
 * identified when {@link #needsIdentity()}, and calls {@link #handle}. A {@code DomainException} thrown here
 * reaches the client as an error frame with its code.
 */
public interface FrameHandler<T extends ClientFrame> {

    /** The frame's {@code type} on the wire; unique among all handlers (a duplicate stops the start-up). */
    String wireType();

    /** The record the frame's JSON is read into. */
    Class<T> frameType();

    /** False only for frames a client may send before {@code hello}. */
    default boolean needsIdentity() {
        return true;
    }

    /** Which of the connection's frame budgets this frame draws on. */
    default Budget budget() {
        return Budget.CONTROL;
    }

    void handle(FrameContext context, T frame);

    /** WebRTC signalling comes in bursts, so it has a budget of its own; everything else shares the control budget. */
    enum Budget {
        CONTROL, SIGNALLING
    }
}
