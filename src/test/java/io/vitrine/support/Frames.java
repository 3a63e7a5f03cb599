package io.vitrine.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Client frames about one dialog, written as {@code frame(dialogId, "vote", "seq", 12, "vote", "LIKE")}. */
public final class Frames {

    private Frames() {}

    public static Map<String, Object> frame(String dialogId, String type, Object... pairs) {
        var frame = new LinkedHashMap<String, Object>();
        frame.put("type", type);
        frame.put("dialogId", dialogId);
        for (int i = 0; i < pairs.length; i += 2) {
            frame.put((String) pairs[i], pairs[i + 1]);
        }
        return frame;
    }
}
