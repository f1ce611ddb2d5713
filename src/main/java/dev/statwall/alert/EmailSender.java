package dev.statwall.alert;

import java.net.URI;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * One email per state change, as plain text and HTML, through Spring's {@link JavaMailSender}
 * ({@code spring.mail.*}). Everything from rules and nodes is escaped in the HTML part.
 */
final class EmailSender implements Outbox.Sender {

	private final JavaMailSender mail;

	private final String from;

	private final String[] to;

	private final @Nullable URI externalUrl;

	EmailSender(JavaMailSender mail, String from, List<String> to, @Nullable URI externalUrl) {
		this.mail = mail;
		this.from = from;
		this.to = to.toArray(new String[0]);
		this.externalUrl = externalUrl;
	}

	@Override
	public void send(List<Notification> batch) throws Exception {
		for (Notification notification : batch) {
			MimeMessage message = this.mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(this.to);
			helper.setSubject(subject(notification));
			helper.setText(text(notification), html(notification));
			this.mail.send(message);
		}
	}

	static String subject(Notification notification) {
		return "[" + (notification.firing() ? "FIRING" : "RESOLVED") + "] " + notification.rule() + " on "
				+ notification.node() + ": " + oneLine(notification.summary());
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("[\\r\\n\\t]+", " ");
		return (line.length() > 120) ? line.substring(0, 120) + "…" : line;
	}

	String text(Notification notification) {
		StringBuilder text = new StringBuilder();
		text.append(notification.firing() ? "FIRING" : "RESOLVED").append(": ").append(notification.summary()).append("\n\n");
		notification.labels().forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
		text.append("since: ").append(Payloads.time(notification.activeAt())).append('\n');
		if (!notification.firing()) {
			text.append("resolved: ").append(Payloads.time(notification.resolvedAt())).append('\n');
		}
		String link = Payloads.link(this.externalUrl, notification);
		if (link != null) {
			text.append('\n').append(link).append('\n');
		}
		return text.toString();
	}

	String html(Notification notification) {
		String colour = !notification.firing() ? "#2e9e4f" : "critical".equals(notification.severity()) ? "#c0392b" : "#e0a800";
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
		html.append("<p style=\"font-weight:bold;color:").append(colour).append("\">")
			.append(notification.firing() ? "FIRING" : "RESOLVED").append("</p>");
		html.append("<p>").append(HtmlUtils.htmlEscape(notification.summary())).append("</p><table>");
		notification.labels().forEach((name, value) -> html.append("<tr><th align=\"left\">")
			.append(HtmlUtils.htmlEscape(name)).append("</th><td>").append(HtmlUtils.htmlEscape(value)).append("</td></tr>"));
		html.append("<tr><th align=\"left\">since</th><td>").append(Payloads.time(notification.activeAt())).append("</td></tr>");
		if (!notification.firing()) {
			html.append("<tr><th align=\"left\">resolved</th><td>").append(Payloads.time(notification.resolvedAt()))
				.append("</td></tr>");
		}
		html.append("</table>");
		String link = Payloads.link(this.externalUrl, notification);
		if (link != null) {
			html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">open in statwall</a></p>");
		}
		return html.append("</body></html>").toString();
	}

	@Override
	public int batchSize() {
		return 1;
	}

	@Override
	public String describe() {
		return "email to " + this.to.length + " recipients";
	}

}
