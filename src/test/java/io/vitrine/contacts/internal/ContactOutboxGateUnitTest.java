package io.vitrine.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.contacts.ContactChannel;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opt-in gate in the sending path: what may go to a contact in each state. */
class ContactOutboxGateUnitTest {

    @ParameterizedTest(name = "{0} to a {1} contact: {2}")
    @CsvSource({
            "CONFIRMATION, PENDING,   send",
            "CONFIRMATION, CONFIRMED, the contact already confirmed",
            "CONFIRMATION, OPTED_OUT, the contact opted out",
            "MESSAGE,      PENDING,   the contact has not confirmed yet",
            "MESSAGE,      CONFIRMED, send",
            "MESSAGE,      OPTED_OUT, the contact opted out",
            "FOLLOW_UP,    OPTED_OUT, the contact opted out",
            "AUTO_REPLY,   OPTED_OUT, the contact opted out",
            "FOLLOW_UP,    CONFIRMED, send",
    })
    void shouldLetOnlyWhatTheContactAgreedToLeave(MessageKind kind, ContactState state, String expected) {
        String refusal = ContactOutbox.gate(message(kind), contact(state));
        assertThat(refusal == null ? "send" : refusal).isEqualTo(expected);
    }

    private static Message message(MessageKind kind) {
        Instant now = Instant.now();
        return new Message(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "OUT", kind, null, "Hi", null, null,
                MessageState.QUEUED, null, "<x@y>", null, now, 0, now, null);
    }

    private static Contact contact(ContactState state) {
        return new Contact(UUID.randomUUID(), UUID.randomUUID(), "default", UUID.randomUUID(), null, ContactChannel.EMAIL,
                "enc", "hash", "Alex", "#1f6feb", state, "token", 0, Instant.now(), null, null, null, null);
    }
}
