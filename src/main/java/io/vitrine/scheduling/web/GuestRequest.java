package io.vitrine.scheduling.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A Guest for an appointment: their email address for the invitation, or none for a link the Host passes on. */
record GuestRequest(@Email @Size(max = 254) String email) {}
