package io.vitrine.channels;

/** The messaging channels a provider carries. */
public enum Channel { SMS, WHATSAPP }
