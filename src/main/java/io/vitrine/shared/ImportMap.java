package io.vitrine.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The import map every page carries: each ES module's plain URL ("/shared/ui.js") mapped to its content-hashed
 * URL, so that relative imports between modules also load the version that belongs to the page.
 */
@Component
public class ImportMap {

    private static final String ROOT = "classpath:/static/";
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9/._-]+");

    private final ResourceUrlProvider urls;
    private volatile @Nullable String json;

    ImportMap(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    /** The map as JSON, for {@code <script type="importmap">}; computed once, as the modules do not change at run time. */
    public String json() {
        String cached = json;
        if (cached == null) {
            cached = render(modules());
            json = cached;
        }
        return cached;
    }

    Map<String, String> modules() {
        Map<String, String> imports = new TreeMap<>();
        for (String path : modulePaths()) {
            String hashed = urls.getForLookupPath(path);
            if (hashed != null && !hashed.equals(path)) {
                imports.put(path, hashed);
            }
        }
        return imports;
    }

    private static java.util.List<String> modulePaths() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(ROOT + "**/*.js");
            String base = new PathMatchingResourcePatternResolver().getResource(ROOT).getURL().toString();
            return java.util.Arrays.stream(found)
                    .map(resource -> urlOf(resource).substring(base.length()))
                    .map(relative -> "/" + relative)
                    .filter(path -> SAFE_PATH.matcher(path).matches())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String urlOf(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Keys and values are plain paths (SAFE_PATH), so no JSON escaping is needed.
    private static String render(Map<String, String> imports) {
        return imports.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{\"imports\":{", "}}"));
    }
}
