package org.townhall.bot.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each table behind the insight page as CSV (RFC 4180, a header row first): what a chart shows, for
 * a spreadsheet. A cell that a spreadsheet would read as a formula is written as text.
 */
public final class InsightCsv {

  private static final Map<String, Function<InsightReport, List<List<Object>>>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("totals", r -> {
      InsightReport.Totals t = r.totals();
      return List.of(List.of("figure", "value"),
          List.of("contacts", t.contacts()), List.of("resident_messages", t.residentMessages()),
          List.of("closed", t.closed()), List.of("contained", t.contained()),
          List.of("containment_rate", cell(t.containmentRate())), List.of("handed_off", t.handedOff()),
          List.of("escalation_rate", cell(t.escalationRate())), List.of("clarified", t.clarified()),
          List.of("clarification_rate", cell(t.clarificationRate())), List.of("not_understood", t.notUnderstood()),
          List.of("not_understood_rate", cell(t.notUnderstoodRate())), List.of("abandoned", t.abandoned()),
          List.of("abandonment_rate", cell(t.abandonmentRate())), List.of("repeat_contacts", t.repeatContacts()),
          List.of("repeat_rate", cell(t.repeatRate())));
    });
    TABLES.put("escalations", r -> rows(List.of("reason", "label", "count"), r.escalations(),
        c -> List.of(c.key(), c.label(), c.count())));
    TABLES.put("helped", r -> rows(List.of("topic", "title", "yes", "no"), r.helped(),
        h -> List.of(h.topic(), h.title(), h.yes(), h.no())));
    TABLES.put("times", r -> rows(List.of("measure", "label", "count", "median_seconds", "p90_seconds"), r.times(),
        t -> List.of(t.measure(), t.label(), t.count(), cell(t.medianSeconds()), cell(t.p90Seconds()))));
    TABLES.put("wrap_ups", r -> rows(List.of("wrap_up", "count"), r.wrapUps(), c -> List.of(c.key(), c.count())));
    TABLES.put("teams", r -> rows(List.of("team", "contacts", "handed_off", "taken", "closed"), r.teams(),
        t -> List.of(t.team(), t.contacts(), t.handedOff(), t.taken(), t.closed())));
    TABLES.put("staff", r -> rows(List.of("username", "taken", "closed"), r.staff(),
        s -> List.of(s.username(), s.taken(), s.closed())));
    TABLES.put("topics", r -> rows(List.of("topic", "title", "count", "previous", "change", "repeats"), r.topics(),
        InsightCsv::topic));
    TABLES.put("trending", r -> rows(List.of("topic", "title", "count", "previous", "change", "repeats"),
        r.trending(), InsightCsv::topic));
    TABLES.put("daily", r -> rows(List.of("day", "contacts", "contained", "handed_off"), r.daily(),
        d -> List.of(d.day().toString(), d.contacts(), d.contained(), d.handedOff())));
  }

  private InsightCsv() {}

  /** The names of the tables, as {@code ?table=} takes them. */
  public static List<String> tables() {
    return List.copyOf(TABLES.keySet());
  }

  /** One table of the report as CSV; throws IllegalArgumentException for an unknown table. */
  public static String csv(InsightReport report, String table) {
    var rows = TABLES.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("table must be one of " + tables() + ".");
    }
    StringBuilder out = new StringBuilder();
    for (List<Object> row : rows.apply(report)) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(escape(value == null ? "" : value.toString()));
      }
      out.append(String.join(",", cells)).append("\r\n");
    }
    return out.toString();
  }

  private static <T> List<List<Object>> rows(List<Object> header, List<T> items, Function<T, List<Object>> row) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(header);
    items.forEach(i -> rows.add(row.apply(i)));
    return rows;
  }

  private static List<Object> topic(InsightReport.Topic t) {
    return List.of(t.topic(), t.title(), t.count(), t.previous(), t.change(), t.repeats());
  }

  private static Object cell(Object value) {
    return value == null ? "" : value;
  }

  static String escape(String value) {
    String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
        ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
