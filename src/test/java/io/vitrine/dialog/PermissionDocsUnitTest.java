package io.vitrine.dialog;

import io.vitrine.shared.DialogRole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/permissions.md is the matrix the server enforces, cell by cell. */
class PermissionDocsUnitTest {

    @Test
    void theDocumentedMatrixIsTheEnforcedOne() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/permissions.md")).stream()
                .filter(line -> line.startsWith("| ") && !line.startsWith("| action")).toList();
        Map<DialogRole, Set<Permission>> documented = new EnumMap<>(DialogRole.class);
        for (DialogRole role : DialogRole.values()) {
            documented.put(role, EnumSet.noneOf(Permission.class));
        }
        List<Permission> seen = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.substring(1, row.length() - 1).split("\\|");
            Permission permission = Permission.valueOf(cells[0].strip().split(" ")[0]);
            seen.add(permission);
            for (DialogRole role : DialogRole.values()) {
                if (cells[role.ordinal() + 1].strip().equals("yes")) {
                    documented.get(role).add(permission);
                }
            }
        }
        assertThat(seen).as("every permission has a row").containsExactlyInAnyOrder(Permission.values());
        for (DialogRole role : DialogRole.values()) {
            assertThat(PermissionMatrix.granted(role)).as("the %s column", role)
                    .containsExactlyInAnyOrderElementsOf(documented.get(role));
        }
    }
}
