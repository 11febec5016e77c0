package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.email.EmailSettings;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.ConsoleErrors;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Payment-link emails from the console: a plain-text invitation to the household's statement link
 * ({@link StatementLinks}) through SES, audited ({@code PAYMENT_LINK_EMAILED}; the address is never logged).
 */
@Singleton
public class PaymentLinkEmails {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentLinkEmails.class);

    private final ConsoleEmr emr;
    private final ConsoleAccess access;
    private final StatementLinks links;
    private final BeanProvider<SesV2Client> ses;
    private final EmailSettings email;

    public PaymentLinkEmails(
            ConsoleEmr emr,
            ConsoleAccess access,
            StatementLinks links,
            BeanProvider<SesV2Client> ses,
            EmailSettings email) {
        this.emr = emr;
        this.access = access;
        this.links = links;
        this.ses = ses;
        this.email = email;
    }

    /**
     * Emails the statement link of {@code accountNumber} at {@code practice} to {@code address} (both already checked
     * by the edge).
     *
     * @throws PaymentsException {@code NOT_FOUND} (no household of the practice has that account number),
     *     {@code UPSTREAM_UNAVAILABLE} (SES or the connector)
     */
    public void send(ConsoleDtos.Staff staff, ConsoleDtos.Practice practice, String accountNumber, String address) {
        ConsoleErrors.value(
                emr.household(staff.id(), practice.id(), accountNumber),
                "No household of this practice has that account number.");
        String url = links.url(practice.hash(), accountNumber);
        String subject = "Pay your bill from " + practice.name() + " online";
        String text = practice.name() + " invites you to view and pay your bill online:\n" + url + "\n";
        try {
            ses.get()
                    .sendEmail(r -> r.fromEmailAddress(email.from())
                            .destination(d -> d.toAddresses(address))
                            .content(c ->
                                    c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
                                            .body(b -> b.text(x -> x.data(text).charset("UTF-8"))))));
        } catch (RuntimeException e) {
            LOG.warn("payment link email not sent ({})", e.getClass().getSimpleName());
            throw new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, "Email is temporarily unavailable.");
        }
        access.audit(staff.id(), "PAYMENT_LINK_EMAILED", practice.id(), null, null, null);
    }
}
