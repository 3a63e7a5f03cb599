package io.vitrine.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sales of a period ({@code from} and {@code to} inclusive, UTC days): all orders, and those attributed per expert
 * and per store, with revenue per currency (cancelled and refunded orders do not count). Conversion: of the dialogs
 * with an expert that ended in the period, the share that has an attributed order.
 */
public record SalesReport(LocalDate from, LocalDate to, long orders, List<Revenue> revenue, List<ExpertSales> experts,
        List<StoreSales> stores, Conversion conversion) {

    public record Revenue(String currency, long orders, long amountMinor, String amount) {}

    public record ExpertSales(UUID expertId, String name, @Nullable String store, long orders, List<Revenue> revenue,
            Conversion conversion) {}

    public record StoreSales(String store, long orders, List<Revenue> revenue) {}

    public record Conversion(long dialogs, long dialogsWithOrder, double rate) {

        public static Conversion of(long dialogs, long withOrder) {
            return new Conversion(dialogs, withOrder, dialogs == 0 ? 0 : Math.round(withOrder * 10000.0 / dialogs) / 10000.0);
        }

        /** The rate as a percentage for people, e.g. {@code 33.3 %}. */
        public String percent() {
            return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
        }
    }
}
