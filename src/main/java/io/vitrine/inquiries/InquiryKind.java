package io.vitrine.inquiries;

/** What a requester asked for. */
public enum InquiryKind {
    /** A meeting at a requested time (the appointment request button). */
    APPOINTMENT,
    /** A message (the email button). */
    EMAIL,
    /** A video chat at a requested time. */
    VIDEO;

    /** Whether the requester proposed a time that the brand confirms or declines. */
    public boolean hasTime() {
        return this != EMAIL;
    }
}
