package io.vitrine.commerce.internal;

import io.vitrine.realtime.FrameContext;
import io.vitrine.realtime.FrameHandler;
import org.springframework.stereotype.Component;

/** The Host accepts or rejects a suggestion. */
@Component
class AnswerSuggestionHandler implements FrameHandler<CommerceFrames.AnswerSuggestion> {

    private final CommerceService commerce;

    AnswerSuggestionHandler(CommerceService commerce) {
        this.commerce = commerce;
    }

    @Override
    public String wireType() {
        return "answerSuggestion";
    }

    @Override
    public Class<CommerceFrames.AnswerSuggestion> frameType() {
        return CommerceFrames.AnswerSuggestion.class;
    }

    @Override
    public void handle(FrameContext context, CommerceFrames.AnswerSuggestion frame) {
        commerce.answer(context.actor(), frame.dialogId(), frame.suggestionId(), frame.accept());
    }
}
