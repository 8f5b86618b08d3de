package org.townhall.bot.channel.webchat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A public page in the chat's look, written on the server: no script, so it reads the same in every
 * browser and screen reader. Every value is escaped; only this class writes markup.
 */
final class PageHtml {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final StringBuilder html = new StringBuilder();

  PageHtml(String title, String serviceName) {
    html.append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(esc(title)).append(" – ").append(esc(serviceName)).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/webchat/chat.css\">\n")
        .append("<link rel=\"stylesheet\" href=\"/webchat/brand.css\">\n")
        .append("<link rel=\"stylesheet\" href=\"/webchat/page.css\">\n</head>\n<body>\n")
        .append("<a class=\"skip-link\" href=\"#content\">Skip to main content</a>\n")
        .append("<header class=\"masthead\"><p class=\"masthead-title\">").append(esc(serviceName))
        .append("</p></header>\n<main id=\"content\" class=\"chat page statement\">\n");
  }

  PageHtml h1(String text) {
    return tag("h1", text);
  }

  PageHtml h2(String text) {
    return tag("h2", text);
  }

  PageHtml h3(String text) {
    return tag("h3", text);
  }

  PageHtml p(String text) {
    return tag("p", text);
  }

  /** A paragraph with a link in it: {@code before}, the link, {@code after}. */
  PageHtml p(String before, String linkText, String href, String after) {
    html.append("<p>").append(esc(before)).append(link(linkText, href)).append(esc(after)).append("</p>\n");
    return this;
  }

  PageHtml list(List<String> items) {
    html.append("<ul>\n");
    items.forEach(item -> html.append("<li>").append(esc(item)).append("</li>\n"));
    html.append("</ul>\n");
    return this;
  }

  /** Facts as a description list: name, value, name, value… */
  PageHtml facts(String... namesAndValues) {
    html.append("<dl class=\"facts\">\n");
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      html.append("<dt>").append(esc(namesAndValues[i])).append("</dt><dd>").append(esc(namesAndValues[i + 1]))
          .append("</dd>\n");
    }
    html.append("</dl>\n");
    return this;
  }

  /** The footer's links back to the chat and to the other public pages. */
  String end(List<BrandingProperties.Link> footerLinks) {
    html.append("<p><a href=\"/\">Ask the council a question</a></p>\n</main>\n<footer class=\"site-footer\"><ul>\n");
    footerLinks.forEach(l -> html.append("<li>").append(link(l.text(), l.url())).append("</li>\n"));
    return html.append("</ul></footer>\n</body>\n</html>\n").toString();
  }

  private PageHtml tag(String name, String text) {
    html.append('<').append(name).append('>').append(esc(text)).append("</").append(name).append(">\n");
    return this;
  }

  private static String link(String text, String href) {
    return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
  }

  static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }

  static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "90 days", "1 hour", "30 minutes": how residents would say a period. */
  static String spoken(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return plural(d.toDays(), "day");
    }
    if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return plural(d.toHours(), "hour");
    }
    if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
      return plural(d.toMinutes(), "minute");
    }
    return plural(Math.max(1, d.toSeconds()), "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
