package io.vitrine.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** An amount in the currency's minor units (cents), never a floating-point number. */
public record Money(long amountMinor, String currency) {

    public Money {
        currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
    }

    /**
     * Parses a decimal amount such as {@code "15.00"} or {@code "1299"}; more decimals than the currency has are
     * refused rather than rounded, so an import never changes a price silently.
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the price '" + amount + "' is not a number like 15.00");
        }
        if (decimal.signum() < 0) {
            throw new IllegalArgumentException("the price '" + amount + "' is negative");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            return new Money(decimal.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits).longValueExact(),
                    currency.getCurrencyCode());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the price '" + amount + "' has more decimals than " + currency.getCurrencyCode() + " allows");
        }
    }

    /** The ISO 4217 currency, or a readable error. */
    public static Currency currency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("the currency '" + code + "' is not an ISO 4217 code like EUR");
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the currency '" + code + "' is not an ISO 4217 code like EUR");
        }
    }

    /** The amount as a decimal string, e.g. {@code 15.00}. */
    public String decimal() {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(amountMinor, digits).toPlainString();
    }
}
