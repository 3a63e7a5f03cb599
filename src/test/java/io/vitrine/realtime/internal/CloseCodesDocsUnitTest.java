package io.vitrine.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

/** docs/protocol.md lists exactly the close codes the gateway uses (its own, and those of the container). */
class CloseCodesDocsUnitTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\d{4})` \\|", Pattern.MULTILINE);

    @Test
    void shouldDocumentEveryCloseCodeTheServerUses() throws Exception {
        String protocol = Files.readString(Path.of("docs/protocol.md"));
        Set<Integer> documented = ROW.matcher(protocol).results()
                .map(m -> Integer.parseInt(m.group(1))).collect(Collectors.toSet());
        Set<Integer> used = Set.of(Outbox.TOO_SLOW.getCode(), SocketGuard.HELLO_TIMEOUT.getCode(),
                SocketGuard.TOO_MANY_UNAUTHENTICATED.getCode(), CloseStatus.NOT_ACCEPTABLE.getCode(),
                CloseStatus.BAD_DATA.getCode(), CloseStatus.TOO_BIG_TO_PROCESS.getCode(),
                CloseStatus.GOING_AWAY.getCode(), CloseStatus.SERVER_ERROR.getCode());
        assertThat(documented).isEqualTo(used);
    }
}
