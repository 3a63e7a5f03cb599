package io.vitrine.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Delivery status notifications (RFC 3464) as mail servers send them: a failed delivery is a bounce, others not. */
class InboundMailBounceUnitTest {

    private static String report(String action) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: anna.expert.x7k2p@reply.demo.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <20261130100000.ABC@mx.example.com>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; gone@example.com
                Action: %s
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>:
                 Recipient address rejected: User unknown

                --b1
                Content-Type: text/rfc822-headers

                From: Anna <anna.expert.x7k2p@reply.demo.test>
                Message-ID: <0d6c1b1e-1111-2222-3333-444455556666@reply.demo.test>
                Subject: A message

                --b1--
                """.formatted(action).replace("\n", "\r\n");
    }

    @Test
    void shouldReadAFailedDeliveryAsABounceOfTheOriginalMessage() throws Exception {
        InboundMail mail = InboundMail.parse(report("failed").getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.bounce()).isNotNull();
        assertThat(mail.bounce().originalMessageId()).isEqualTo("<0d6c1b1e-1111-2222-3333-444455556666@reply.demo.test>");
        assertThat(mail.bounce().reason()).isEqualTo("bounced: 5.1.1 550 5.1.1 <gone@example.com>:"
                + " Recipient address rejected: User unknown");
    }

    @Test
    void shouldNotTakeDelayedOrDeliveredReportsOrOrdinaryMailForBounces() throws Exception {
        assertThat(InboundMail.parse(report("delayed").getBytes(StandardCharsets.US_ASCII)).bounce()).isNull();
        assertThat(InboundMail.parse(report("delivered").getBytes(StandardCharsets.US_ASCII)).bounce()).isNull();
        assertThat(InboundMail.parse("From: a@example.com\r\nSubject: Hi\r\n\r\nStatus: 5.1.1\r\nAction: failed\r\n"
                .getBytes(StandardCharsets.US_ASCII)).bounce()).isNull();
    }
}
