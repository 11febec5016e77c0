package com.patientpayments.bff.email;

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
 * patients, no procedures) and the receipt PDF attached.
 */
@Singleton
public class ReceiptEmailComposer {

    private final Session session = Session.getInstance(new Properties());
    private final EmailProperties props;

    public ReceiptEmailComposer(EmailProperties props) {
        this.props = props;
    }

    public byte[] compose(ReceiptView view, byte[] pdf, String to) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(props.from(), view.practice().name(), "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject("Your payment receipt from " + view.practice().name(), "UTF-8");
            message.setSentDate(new Date());

            MimeBodyPart text = new MimeBodyPart();
            text.setText(textBody(view), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(htmlBody(view), "UTF-8", "html");
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

    static String textBody(ReceiptView view) {
        String phone = view.practice().phone();
        return "Thank you for your payment to " + view.practice().name() + ".\n\n"
                + "Amount paid: " + ReceiptText.money(view.totalCents()) + "\n"
                + "Date: " + ReceiptText.paidAt(view) + "\n"
                + "Payment method: " + view.methodLabel() + "\n\n"
                + "Your itemized receipt is attached as a PDF. Keep it for your records and for your HSA/FSA"
                + " administrator.\n"
                + (phone == null ? "" : "\nQuestions about your bill? Call " + view.practice().name() + " at "
                + phone + ".\n");
    }

    static String htmlBody(ReceiptView view) {
        String name = escape(view.practice().name());
        String phone = view.practice().phone();
        return "<!doctype html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1e293b\">"
                + "<p>Thank you for your payment to <strong>" + name + "</strong>.</p>"
                + "<table style=\"border-collapse:collapse\">"
                + "<tr><td style=\"padding:2px 12px 2px 0\">Amount paid</td><td><strong>"
                + escape(ReceiptText.money(view.totalCents())) + "</strong></td></tr>"
                + "<tr><td style=\"padding:2px 12px 2px 0\">Date</td><td>" + escape(ReceiptText.paidAt(view))
                + "</td></tr>"
                + "<tr><td style=\"padding:2px 12px 2px 0\">Payment method</td><td>" + escape(view.methodLabel())
                + "</td></tr></table>"
                + "<p>Your itemized receipt is attached as a PDF. Keep it for your records and for your HSA/FSA"
                + " administrator.</p>"
                + (phone == null ? "" : "<p>Questions about your bill? Call " + name + " at " + escape(phone) + ".</p>")
                + "</body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
