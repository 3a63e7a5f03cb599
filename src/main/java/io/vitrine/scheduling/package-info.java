/**
 * Appointments: scheduled streams proposed in a live dialog, slots booked on the public booking page, experts'
 * working hours and time zones, a pure slot policy, and reminders claimed in the database so each is sent once.
 */
@ApplicationModule(displayName = "Scheduling",
        allowedDependencies = {"dialog", "merchant", "notifications", "realtime", "realtime :: protocol", "shopper",
                "shared"})
package io.vitrine.scheduling;

import org.springframework.modulith.ApplicationModule;
