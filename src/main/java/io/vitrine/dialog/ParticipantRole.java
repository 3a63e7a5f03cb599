package io.vitrine.dialog;

public enum ParticipantRole { HOST, GUEST, EXPERT }
