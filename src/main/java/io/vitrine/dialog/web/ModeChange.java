package io.vitrine.dialog.web;

import io.vitrine.dialog.DialogMode;
import jakarta.validation.constraints.NotNull;

/** Switches a dialog between video and text only. */
record ModeChange(@NotNull DialogMode mode) {}
