package io.vitrine.notifications;

/** Ways a notice leaves Vitrine besides the in-app list, which every notice is stored in. */
public enum Channel { EMAIL, PUSH }
