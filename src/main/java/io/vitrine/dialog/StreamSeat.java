package io.vitrine.dialog;

/** A participant's place in a dialog's live stream: who they are in it and whether they may send video. */
public record StreamSeat(String participantId, boolean sendsVideo) {}
