package io.vitrine.merchant;

/** Only ONLINE experts receive new requests. */
public enum Presence { ONLINE, AWAY, OFFLINE }
