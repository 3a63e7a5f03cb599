package io.vitrine.shared;

/** The seat someone has in one dialog; it decides what they may do there (the dialog module's permission matrix). */
public enum DialogRole {
    /** The shopper who requested the dialog. */
    HOST,
    /** A shopper who joined through the Host's invite link. */
    GUEST,
    /** The team member who accepted the dialog. */
    EXPERT,
    /** An admin of the merchant who does not take part. */
    ADMIN,
    /** Another team member of the merchant, looking on from the console or dashboard. */
    COLLEAGUE
}
