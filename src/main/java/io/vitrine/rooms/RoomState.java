package io.vitrine.rooms;

/** Where a room stands on the clock. */
public enum RoomState { SCHEDULED, OPEN, ENDED }
