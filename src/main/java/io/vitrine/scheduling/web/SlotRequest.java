package io.vitrine.scheduling.web;

import io.vitrine.scheduling.internal.AppointmentService;
import io.vitrine.scheduling.internal.Zones;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;

/** A date and wall-clock time as picked, in the picker's IANA zone (the browser's, or the one it switched to). */
record SlotRequest(
        @NotNull @Schema(example = "2027-03-28") LocalDate date,
        @NotNull @Schema(type = "string", example = "10:00") LocalTime time,
        @NotNull @Schema(example = "Europe/Berlin") String zone,
        @Min(5) @Max(240) @Schema(description = "Length; the shop's slot length when left out") Integer minutes) {

    AppointmentService.Slot slot() {
        return new AppointmentService.Slot(date, time, Zones.parse("zone", zone), minutes);
    }
}
