package io.vitrine.realtime;

import java.util.UUID;

/** A frame a client sends: a record that one {@link FrameHandler} reads. */
public interface ClientFrame {

    /** The dialog a frame is about, if any: errors about it name it. */
    default UUID dialogId() {
        return null;
    }
}
