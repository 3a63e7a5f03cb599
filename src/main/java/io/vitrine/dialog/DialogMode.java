package io.vitrine.dialog;

/** How a live dialog runs: as a video stream with chat, or as chat only. */
public enum DialogMode { VIDEO, TEXT }
