package io.vitrine.dialog;

import java.util.List;

/**
 * A dialog with one page of its timeline, and the caller's place in it. {@code hasMore} says whether events follow;
 * the next page starts after {@code nextAfterSeq}.
 */
public record DialogTranscript(DialogView dialog, List<TimelineEvent> events, Membership you, long nextAfterSeq,
        boolean hasMore) {

    /** Most events one transcript page carries. */
    public static final int MAX_PAGE = 1000;
}
