package io.vitrine.scheduling.internal;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.vitrine.realtime.protocol.ServerMessage;
import io.vitrine.scheduling.AppointmentView;
import java.util.UUID;

/** An appointment of a dialog changed: to the dialog's followers and to the expert's consoles. See docs/protocol.md. */
@JsonTypeName("appointment")
record AppointmentFrame(UUID dialogId, AppointmentView appointment) implements ServerMessage {}
