package io.vitrine.dialog.internal;

import io.vitrine.shared.Actor;
import io.vitrine.shared.DialogRole;
import io.vitrine.dialog.Permission;
import io.vitrine.dialog.PermissionMatrix;
import io.vitrine.dialog.ProblemReport;
import io.vitrine.shared.Avatar;
import io.vitrine.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** "Report a problem": any participant writes what went wrong; the merchant's admins read it. */
@Service
public class ReportService {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_CONTEXT = 4000;

    private final ProblemReports reports;
    private final Participants participants;
    private final DialogAccess access;
    private final JsonMapper json;
    private final Clock clock;

    ReportService(ProblemReports reports, Participants participants, DialogAccess access, JsonMapper json, Clock clock) {
        this.reports = reports;
        this.participants = participants;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    public record Filed(UUID id, Instant reportedAt) {}

    @Transactional
    public Filed report(UUID dialogId, Actor actor, String text, Map<String, Object> context) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw DomainException.invalid("Please describe the problem in 1 to " + MAX_TEXT + " characters.");
        }
        String contextJson = json.writeValueAsString(context == null ? Map.of() : context);
        if (contextJson.length() > MAX_CONTEXT) {
            throw DomainException.invalid("The technical context may be at most " + MAX_CONTEXT + " characters of JSON.");
        }
        var seat = access.read(dialogId, actor).require(Permission.REPORT_PROBLEM);
        var row = new ProblemReports.Row(UUID.randomUUID(), dialogId, seat.participant().id(), Instant.now(clock), body,
                contextJson);
        reports.insert(seat.dialog().merchantId(), row);
        return new Filed(row.id(), row.reportedAt());
    }

    /** The newest reports of the admin's merchant. */
    @Transactional(readOnly = true)
    public List<ProblemReport> list(Actor.Staff staff, int limit) {
        DialogRole role = staff.admin() ? DialogRole.ADMIN : DialogRole.COLLEAGUE;
        if (!PermissionMatrix.allows(role, Permission.READ_REPORTS)) {
            throw DomainException.forbidden(Permission.READ_REPORTS.refusal());
        }
        List<ProblemReports.Row> rows = reports.ofMerchant(staff.merchantId(), limit);
        Map<UUID, Avatar> reporters = rows.stream().map(ProblemReports.Row::dialogId).distinct()
                .flatMap(id -> participants.ofDialog(id).stream())
                .collect(Collectors.toMap(Participants.Row::id, Participants.Row::avatar, (a, b) -> a));
        return rows.stream().map(r -> new ProblemReport(r.id(), r.dialogId(), r.reportedAt(),
                reporters.get(r.participantId()), r.text(), json.readValue(r.context(), new TypeReference<>() {})))
                .toList();
    }
}
