package io.vitrine.bench;

import java.net.URI;
import java.util.List;

/** The six members of one chat room, as the load generator connects them, for either server. */
record Room(String id, List<Member> members) {

    /** One frame to send (or null: just wait) and a marker of the frame that answers it. */
    record Handshake(String frame, String awaitMarker) {}

    /**
     * @param sayPrefix a {@code say} frame up to the opening quote of its text; the generator appends the text and
     *                  a {@code clientRef} that carries the sender and the time it was sent
     */
    record Member(URI uri, String cookie, List<Handshake> handshake, String sayPrefix) {}
}
