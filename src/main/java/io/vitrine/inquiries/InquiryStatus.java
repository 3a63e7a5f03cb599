package io.vitrine.inquiries;

public enum InquiryStatus {
    /** Waiting for the brand. */
    OPEN,
    /** A time was agreed and booked. */
    CONFIRMED,
    DECLINED,
    /** An email inquiry the brand has dealt with. */
    HANDLED
}
