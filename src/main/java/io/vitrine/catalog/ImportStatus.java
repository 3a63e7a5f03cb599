package io.vitrine.catalog;

public enum ImportStatus { QUEUED, RUNNING, DONE, FAILED }
