package io.vitrine.notifications;

import java.util.Optional;

/**
 * Addresses of recipients that another module keeps, such as the buyer of an order ({@link Recipient.Kind#BUYER}):
 * that module implements this and is asked when an email is sent, so the address never has to be copied here.
 */
public interface RecipientDirectory {

    /** The name and email address of the recipient, if this directory knows them. */
    Optional<Entry> find(Recipient recipient);

    record Entry(String name, String email) {}
}
