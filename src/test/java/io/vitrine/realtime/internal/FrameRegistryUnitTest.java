package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.realtime.ClientFrame;
import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A module's handler is found by its wire type, gets its own record, validated; two handlers of one type fail. */
class FrameRegistryUnitTest {

    record Note(@NotBlank String text) implements ClientFrame {}

    static final class NoteHandler implements FrameHandler<Note> {
        final List<Note> seen = new ArrayList<>();

        @Override
        public String wireType() {
            return "note";
        }

        @Override
        public Class<Note> frameType() {
            return Note.class;
        }

        @Override
        public void handle(FrameContext context, Note frame) {
            seen.add(frame);
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldReadAFrameIntoItsHandlersRecordAndDispatchIt() {
        var handler = new NoteHandler();
        var registry = new FrameRegistry(List.of(handler), json, Validation.buildDefaultValidatorFactory().getValidator());

        registry.parse("{\"type\":\"note\",\"text\":\"hello\"}").dispatch(null);

        assertThat(handler.seen).containsExactly(new Note("hello"));
    }

    @Test
    void shouldRefuseUnknownTypesAndInvalidFrames() {
        var registry = new FrameRegistry(List.of(new NoteHandler()), json,
                Validation.buildDefaultValidatorFactory().getValidator());

        assertThatThrownBy(() -> registry.parse("{\"type\":\"cart\"}"))
                .hasMessage("Unknown frame type; expected one of note.");
        assertThatThrownBy(() -> registry.parse("{\"type\":\"note\",\"text\":\" \"}"))
                .isInstanceOfSatisfying(FrameRegistry.ProtocolError.class, e -> assertThat(e.code()).isEqualTo("invalid"));
    }

    @Test
    void shouldFailAtStartUpWhenTwoHandlersClaimOneType() {
        assertThatThrownBy(() -> new FrameRegistry(List.of(new NoteHandler(), new NoteHandler()), json,
                Validation.buildDefaultValidatorFactory().getValidator()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'note'");
    }
}
