package io.vitrine.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.shared.DomainException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChannelAdapter} must do, whatever its channel (Apache James style: implementations run these
 * {@code default} tests against a real protocol server on loopback).
 */
public interface ChannelAdapterContract {

    ChannelAdapter adapter();

    /** An address this channel accepts, as a shopper would type it (with stray spaces). */
    String validAddress();

    /** The same address in canonical form. */
    String canonicalAddress();

    List<String> invalidAddresses();

    /** The messages the loopback server received for the address, as their text. */
    List<String> receivedBy(String canonicalAddress) throws Exception;

    /** Makes the provider refuse everything for now (server down), or accept again. */
    void providerDown(boolean down) throws Exception;

    /** The merchant messages are sent for (channels with a pool of numbers need one that has it). */
    default UUID merchantId() {
        return UUID.randomUUID();
    }

    /** The proxy address an expert of the merchant gets, as the contacts module issues it. */
    default String proxyFor(UUID merchantId, UUID memberId) {
        return adapter().proxyAddress(merchantId, memberId, "Anna Expert");
    }

    default OutboundMessage message(String to, String text) {
        ChannelAdapter adapter = adapter();
        UUID merchant = merchantId();
        String from = proxyFor(merchant, UUID.randomUUID());
        return new OutboundMessage(merchant, UUID.randomUUID(), adapter.channel(), to, from, "Anna Expert (Shop)",
                from, "A message from Anna", text,
                List.of(new OutboundMessage.ProductCard(UUID.randomUUID(), "Linen shirt", "€49.90", null,
                        "https://shop.example/p/1")),
                "<" + UUID.randomUUID() + "@contract.test>", null, List.of(), "https://vitrine.example/u/1", null, null);
    }

    @Test
    default void shouldNormalizeAValidAddress() {
        assertThat(adapter().normalize(validAddress())).isEqualTo(canonicalAddress());
    }

    @Test
    default void shouldRefuseInvalidAddressesNamingTheAddressField() {
        for (String invalid : invalidAddresses()) {
            assertThatThrownBy(() -> adapter().normalize(invalid)).as(invalid)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                        assertThat(e.field()).isEqualTo("address");
                    });
        }
    }

    @Test
    default void shouldIssueDistinctProxyAddresses() {
        UUID merchant = merchantId();
        String first = proxyFor(merchant, UUID.randomUUID());
        String second = proxyFor(merchant, UUID.randomUUID());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    default void shouldDeliverTheTextAndProductCardsToTheAddress() throws Exception {
        assertThat(adapter().send(message(canonicalAddress(), "The shirt is back in blue.")))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(receivedBy(canonicalAddress())).anyMatch(text -> text.contains("The shirt is back in blue.")
                && text.contains("Linen shirt"));
    }

    @Test
    default void shouldDeliverEveryMessageOfARunSentFromSeveralThreads() throws Exception {
        OutboundMessage first = message(canonicalAddress(), "");
        List<OutboundMessage> run = java.util.stream.IntStream.range(0, 12).mapToObj(i -> new OutboundMessage(
                first.merchantId(), first.contactId(), first.channel(), first.to(), first.from(), first.fromName(),
                first.replyTo(), first.subject(), "Message " + i + " of the run", first.products(),
                "<" + UUID.randomUUID() + "@contract.test>", null, List.of(), first.unsubscribe(), null, null)).toList();
        List<java.util.concurrent.Future<SendResult>> results = new java.util.ArrayList<>();
        try (ChannelAdapter.Sending sending = adapter().sending();
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            run.forEach(message -> results.add(threads.submit(() -> sending.send(message))));
        }
        for (var result : results) {
            assertThat(result.get()).isInstanceOf(SendResult.Sent.class);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(receivedBy(canonicalAddress())).as("every text arrived")
                        .matches(received -> run.stream().allMatch(message ->
                                received.stream().anyMatch(text -> text.contains(message.text())))));
    }

    @Test
    default void shouldAskForARetryWhileTheProviderIsDownNeverThrow() throws Exception {
        providerDown(true);
        try {
            assertThat(adapter().send(message(canonicalAddress(), "Later"))).isInstanceOf(SendResult.Retry.class);
        } finally {
            providerDown(false);
        }
    }
}
