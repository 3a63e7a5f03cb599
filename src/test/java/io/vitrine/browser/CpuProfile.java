package io.vitrine.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;

/**
 * The JavaScript CPU profile of one page (Chrome DevTools Protocol), summed by function: where a page's main thread
 * spends its time while a stream starts. For benchmarks; Chromium only.
 */
record CpuProfile(String name, CDPSession session) {

    static CpuProfile start(String name, Page page) {
        CDPSession session = page.context().newCDPSession(page);
        session.send("Profiler.enable");
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 200);
        session.send("Profiler.setSamplingInterval", interval);
        session.send("Profiler.start");
        return new CpuProfile(name, session);
    }

    /** Stops profiling and prints the functions with the most samples of their own, and the total. */
    void stopAndPrint() {
        JsonObject profile = session.send("Profiler.stop").getAsJsonObject("profile");
        session.detach();
        Map<Integer, String> functions = new HashMap<>();
        for (JsonElement node : profile.getAsJsonArray("nodes")) {
            JsonObject frame = node.getAsJsonObject().getAsJsonObject("callFrame");
            String url = frame.get("url").getAsString();
            String where = url.isEmpty() ? "" : " " + url.replaceAll("^.*/", "") + ":" + (frame.get("lineNumber").getAsInt() + 1);
            String function = frame.get("functionName").getAsString();
            functions.put(node.getAsJsonObject().get("id").getAsInt(), (function.isEmpty() ? "(anonymous)" : function) + where);
        }
        Map<String, Integer> selfSamples = new HashMap<>();
        JsonArray samples = profile.getAsJsonArray("samples");
        samples.forEach(id -> selfSamples.merge(functions.get(id.getAsInt()), 1, Integer::sum));
        int total = samples.size();
        StringBuilder out = new StringBuilder("CPU profile of the " + name + "'s page (" + total + " samples of 0.2 ms):\n");
        selfSamples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> out.append("  %5.1f%%  %s%n".formatted(100.0 * e.getValue() / total, e.getKey())));
        System.out.print(out);
    }
}
