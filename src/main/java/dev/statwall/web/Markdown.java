package dev.statwall.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown cards' text as HTML; raw HTML in the text is escaped and unsafe links are dropped. */
final class Markdown {

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	String html(String markdown) {
		return this.renderer.render(this.parser.parse(markdown));
	}

}
