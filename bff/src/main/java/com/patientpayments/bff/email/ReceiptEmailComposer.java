package com.patientpayments.bff.email;

import com.patientpayments.bff.Money;
import com.patientpayments.bff.receipt.ReceiptText;
import com.patientpayments.bff.receipt.ReceiptView;
import jakarta.activation.DataHandler;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;

/**
 * The receipt email as a raw MIME message: a short text and HTML body (practice, amount, date, payment method: no
 * patients, no procedures) and the receipt PDF attached. Subject and body are in the receipt's language, from the
 * same resource bundle as the PDF ({@link ReceiptText}); the practice's name and phone stay as entered.
 */
@Singleton
public class ReceiptEmailComposer {

    private final Session session = Session.getInstance(new Properties());
    private final EmailSettings props;

    public ReceiptEmailComposer(EmailSettings props) {
        this.props = props;
    }

    /** The message in English. */
    public byte[] compose(ReceiptView view, byte[] pdf, String to) {
        return compose(view, pdf, to, "en");
    }

    /** The message in {@code language} ({@code en}, {@code es}). */
    public byte[] compose(ReceiptView view, byte[] pdf, String to, String language) {
        ReceiptText t = ReceiptText.of(language);
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(props.from(), view.practice().name(), "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(t.message("email.subject", view.practice().name()), "UTF-8");
            message.setHeader("Content-Language", t.language());
            message.setSentDate(new Date());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(textBody(view, t), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(htmlBody(view, t), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);

            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName(ReceiptText.fileName(view));
            attachment.setDisposition(Part.ATTACHMENT);

            message.setContent(new MimeMultipart("mixed", body, attachment));
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length * 4 / 3 + 4096);
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("receipt email could not be composed", e);
        } catch (IOException e) {
            throw new IllegalStateException("receipt email could not be written", e);
        }
    }

    static String textBody(ReceiptView view, ReceiptText t) {
        String phone = view.practice().phone();
        String name = view.practice().name();
        return t.message("email.thanks", name) + "\n\n"
                + t.label("email.amountPaid") + ": "
                + Money.of(view.totalCents(), view.currency()).format(t.locale()) + "\n"
                + t.label("email.date") + ": " + t.paidDateTime(view) + "\n"
                + t.label("email.paymentMethod") + ": " + t.methodLabel(view) + "\n\n"
                + t.label("email.attached") + "\n"
                + (phone == null ? "" : "\n" + t.message("email.questions", name, phone) + "\n");
    }

    static String htmlBody(ReceiptView view, ReceiptText t) {
        String name = view.practice().name();
        String phone = view.practice().phone();
        return "<!doctype html><html lang=\"" + t.language() + "\"><body"
                + " style=\"font-family:Arial,Helvetica,sans-serif;color:#1e293b\">"
                + "<p>" + t.message("email.thanks", "<strong>" + escape(name) + "</strong>") + "</p>"
                + "<table style=\"border-collapse:collapse\">"
                + row(
                        t.label("email.amountPaid"),
                        "<strong>"
                                + escape(Money.of(view.totalCents(), view.currency())
                                        .format(t.locale())) + "</strong>")
                + row(t.label("email.date"), escape(t.paidDateTime(view)))
                + row(t.label("email.paymentMethod"), escape(t.methodLabel(view)))
                + "</table>"
                + "<p>" + escape(t.label("email.attached")) + "</p>"
                + (phone == null ? "" : "<p>" + t.message("email.questions", escape(name), escape(phone)) + "</p>")
                + "</body></html>";
    }

    private static String row(String label, String valueHtml) {
        return "<tr><td style=\"padding:2px 12px 2px 0\">" + escape(label) + "</td><td>" + valueHtml + "</td></tr>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
