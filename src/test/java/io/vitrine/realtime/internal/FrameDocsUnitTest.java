package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.realtime.FrameHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.objenesis.ObjenesisStd;
import org.springframework.util.ClassUtils;

/** docs/protocol.md documents exactly the client frames that some module handles. */
class FrameDocsUnitTest {

    private static final Pattern HEADING = Pattern.compile("^### `([a-zA-Z]+)`", Pattern.MULTILINE);

    @Test
    void shouldDocumentEveryClientFrameTheHandlersRead() throws Exception {
        String protocol = Files.readString(Path.of("docs/protocol.md"));
        String clientPart = protocol.substring(protocol.indexOf("## Client → server"), protocol.indexOf("## Server → client"));
        Set<String> documented = HEADING.matcher(clientPart).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(documented).isEqualTo(handledTypes());
    }

    /** The wire types of every {@link FrameHandler} component of the application, whatever its module. */
    static Set<String> handledTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(FrameHandler.class));
        var objenesis = new ObjenesisStd();
        return scanner.findCandidateComponents("io.vitrine").stream()
                .map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), FrameDocsUnitTest.class.getClassLoader()))
                .filter(type -> AnnotatedElementUtils.hasAnnotation(type, Component.class))
                .map(type -> ((FrameHandler<?>) objenesis.newInstance(type)).wireType())
                .collect(Collectors.toSet());
    }
}
