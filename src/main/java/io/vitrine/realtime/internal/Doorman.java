package io.vitrine.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Counts the sockets of each address that have not authenticated yet, so one address cannot hoard them. */
final class Doorman {

    private final int perAddress;
    private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

    Doorman(int perAddress) {
        this.perAddress = perAddress;
    }

    /** Takes a place for one more unauthenticated socket of the address; false when it has too many. */
    boolean admit(String address) {
        var admitted = new AtomicBoolean();
        waiting.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perAddress) {
                return count;
            }
            admitted.set(true);
            return now + 1;
        });
        return admitted.get();
    }

    /** Gives the place back: the socket authenticated or closed. */
    void leave(String address) {
        waiting.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
}
