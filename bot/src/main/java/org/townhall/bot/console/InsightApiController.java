package org.townhall.bot.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.insight.Insight;
import org.townhall.bot.insight.InsightCsv;
import org.townhall.bot.insight.InsightReport;
import org.townhall.bot.web.ApiException;

/**
 * The managers' figures (MANAGER or ADMIN, read-only): for a period (council days, both included;
 * the last 28 days by default), a channel and a team, as JSON, or one table of them as CSV.
 */
@RestController
@RequestMapping("/api/console")
class InsightApiController {

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final int DEFAULT_DAYS = 28;

  private final Insight insight;
  private final Clock clock;
  private final OfficeHours hours;

  InsightApiController(Insight insight, Clock clock, OfficeHours hours) {
    this.insight = insight;
    this.clock = clock;
    this.hours = hours;
  }

  @GetMapping("/insight")
  InsightReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String team) {
    return read(from, to, channel, team);
  }

  @GetMapping("/insight.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String table,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String team) {
    if (table == null || !InsightCsv.tables().contains(table)) {
      throw ApiException.badRequest("table must be one of " + InsightCsv.tables() + ".");
    }
    InsightReport report = read(from, to, channel, team);
    String name = "insight-" + table + "-" + report.from() + "-to-" + report.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(InsightCsv.csv(report, table));
  }

  private InsightReport read(String from, String to, String channel, String team) {
    LocalDate last = to == null || to.isEmpty() ? LocalDate.now(clock.withZone(hours.zone())) : date("to", to);
    LocalDate first = from == null || from.isEmpty() ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
    String chosenChannel = channel == null || channel.isEmpty() ? null : channel;
    if (chosenChannel != null && !Insight.CHANNELS.contains(chosenChannel)) {
      throw ApiException.badRequest("channel must be one of " + Insight.CHANNELS + ", or empty for all.");
    }
    String chosenTeam = team == null || team.isEmpty() ? null : team;
    if (chosenTeam != null && !TEAM.matcher(chosenTeam).matches()) {
      throw ApiException.badRequest("team must be a team's name (lower-case letters, digits and dashes), "
          + "or empty for all.");
    }
    try {
      return insight.report(first, last, chosenChannel, chosenTeam);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static LocalDate date(String name, String value) {
    if (!DATE.matcher(value).matches()) {
      throw ApiException.badRequest(name + " must be a date as YYYY-MM-DD.");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " must be a date as YYYY-MM-DD that exists.");
    }
  }
}
