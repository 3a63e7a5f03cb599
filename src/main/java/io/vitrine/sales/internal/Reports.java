package io.vitrine.sales.internal;

import io.vitrine.catalog.Money;
import io.vitrine.dialog.DialogOutcomesApi;
import io.vitrine.dialog.DialogOutcomesApi.EndedDialog;
import io.vitrine.merchant.Member;
import io.vitrine.merchant.TeamApi;
import io.vitrine.sales.SalesReport;
import io.vitrine.sales.SalesReport.Conversion;
import io.vitrine.sales.SalesReport.ExpertSales;
import io.vitrine.sales.SalesReport.Revenue;
import io.vitrine.sales.SalesReport.StoreSales;
import io.vitrine.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.vitrine.shared.Db.ts;

/** Builds the sales report of a period from grouped order sums and the dialogs that ended in it. */
@Service
public class Reports {

    static final int MAX_DAYS = 366;

    /** One group of counting orders: who it is attributed to, in which currency. */
    record Group(@Nullable UUID expertId, @Nullable String store, String currency, long orders, long amountMinor) {}

    private final JdbcClient jdbc;
    private final TeamApi team;
    private final DialogOutcomesApi dialogs;

    Reports(JdbcClient jdbc, TeamApi team, DialogOutcomesApi dialogs) {
        this.jdbc = jdbc;
        this.team = team;
        this.dialogs = dialogs;
    }

    @Transactional(readOnly = true)
    public SalesReport report(UUID merchantId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "The end of the period comes after its start.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw DomainException.invalidField("to", "A report covers at most " + MAX_DAYS + " days.");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Group> groups = groups(merchantId, start, end);
        List<EndedDialog> ended = dialogs.endedWithExpert(merchantId, start, end);
        Set<UUID> withOrder = dialogsWithOrder(merchantId);
        Map<UUID, Member> members = team.members(merchantId).stream().collect(Collectors.toMap(Member::id, Function.identity()));

        Set<UUID> expertIds = new HashSet<>();
        groups.stream().map(Group::expertId).filter(java.util.Objects::nonNull).forEach(expertIds::add);
        ended.forEach(d -> expertIds.add(d.expertId()));
        List<ExpertSales> experts = new ArrayList<>();
        for (UUID expertId : expertIds) {
            Member member = members.get(expertId);
            List<Group> own = groups.stream().filter(g -> expertId.equals(g.expertId())).toList();
            List<EndedDialog> theirs = ended.stream().filter(d -> d.expertId().equals(expertId)).toList();
            experts.add(new ExpertSales(expertId, member == null ? "Former team member" : member.displayName(),
                    member == null ? null : member.store(), count(own), revenue(own),
                    Conversion.of(theirs.size(), theirs.stream().filter(d -> withOrder.contains(d.dialogId())).count())));
        }
        experts.sort(Comparator.comparing(ExpertSales::orders).reversed().thenComparing(ExpertSales::name));

        Map<String, List<Group>> byStore = new TreeMap<>();
        groups.stream().filter(g -> g.store() != null).forEach(g -> byStore.computeIfAbsent(g.store(), s -> new ArrayList<>()).add(g));
        List<StoreSales> stores = byStore.entrySet().stream()
                .map(e -> new StoreSales(e.getKey(), count(e.getValue()), revenue(e.getValue()))).toList();

        Conversion conversion = Conversion.of(ended.size(), ended.stream().filter(d -> withOrder.contains(d.dialogId())).count());
        return new SalesReport(from, to, count(groups), revenue(groups), experts, stores, conversion);
    }

    static long count(List<Group> groups) {
        return groups.stream().mapToLong(Group::orders).sum();
    }

    /** Sums per currency, never across currencies. */
    static List<Revenue> revenue(List<Group> groups) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Group g : groups) {
            long[] sum = sums.computeIfAbsent(g.currency(), c -> new long[2]);
            sum[0] += g.orders();
            sum[1] = Math.addExact(sum[1], g.amountMinor());
        }
        return sums.entrySet().stream().map(e -> new Revenue(e.getKey(), e.getValue()[0], e.getValue()[1],
                new Money(e.getValue()[1], e.getKey()).decimal())).toList();
    }

    private List<Group> groups(UUID merchantId, Instant start, Instant end) {
        return jdbc.sql("""
                select expert_id, store, currency, count(*) as orders, sum(total_minor) as amount from sales_order
                where merchant_id = ? and placed_at >= ? and placed_at < ? and status not in ('CANCELLED', 'REFUNDED')
                group by expert_id, store, currency""")
                .params(merchantId, ts(start), ts(end))
                .query((rs, n) -> new Group(rs.getObject("expert_id", UUID.class), rs.getString("store"),
                        rs.getString("currency"), rs.getLong("orders"), rs.getLong("amount")))
                .list();
    }

    private Set<UUID> dialogsWithOrder(UUID merchantId) {
        return new HashSet<>(jdbc.sql("""
                select distinct dialog_id from sales_order
                where merchant_id = ? and dialog_id is not null and status not in ('CANCELLED', 'REFUNDED')""")
                .param(merchantId).query(UUID.class).list());
    }
}
