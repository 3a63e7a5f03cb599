package io.vitrine.scheduling.internal;

import io.vitrine.shared.Actor;
import io.vitrine.realtime.ClientFrame;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code timeZone}: the widget reports the browser's IANA zone for a dialog, so the expert's time picker can show
 * the customer's local time next to their own. Only the Host's zone is kept; staff frames are ignored.
 */
@Component
class TimeZoneHandler implements FrameHandler<TimeZoneHandler.TimeZoneFrame> {

    record TimeZoneFrame(@NotNull UUID dialogId, @NotBlank @Size(max = 64) String zone) implements ClientFrame {}

    private final AppointmentService appointments;

    TimeZoneHandler(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Override
    public String wireType() {
        return "timeZone";
    }

    @Override
    public Class<TimeZoneFrame> frameType() {
        return TimeZoneFrame.class;
    }

    @Override
    public void handle(FrameContext context, TimeZoneFrame frame) {
        if (context.actor() instanceof Actor.Shopper shopper) {
            appointments.reportCustomerZone(frame.dialogId(), shopper, Zones.parse("zone", frame.zone()));
        }
    }
}
