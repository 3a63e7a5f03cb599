package io.vitrine.rooms;

/** Where a room stands on the clock; CANCELLED once its expert or an admin called it off, whatever the time. */
public enum RoomState { SCHEDULED, OPEN, ENDED, CANCELLED }
