package org.townhall.bot.collection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a council's collection rounds CSV: a header line naming the columns area, round, day,
 * weeks and bins (in any order, extra columns ignored), then one row per collection stream, so an
 * area whose bins alternate has several rows. Lines starting with {@code #} are comments. Every
 * mistake stops the read with the file and line, because a wrong bin day told to residents is worse
 * than a bot that does not start.
 */
final class RoundsFile {

  static final List<String> COLUMNS = List.of("area", "round", "day", "weeks", "bins");

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setHeader()
      .setSkipHeaderRecord(true)
      .setIgnoreHeaderCase(true)
      .setIgnoreEmptyLines(true)
      .setTrim(true)
      .get();

  private static final Pattern SECTOR = Pattern.compile("(\\S+)\\h+([0-9])");

  private RoundsFile() {}

  /** An area's rows gathered, before they become its schedule. */
  private record Area(
      String round, DayOfWeek day, long line, List<String> odd, List<String> even) {}

  /**
   * The schedules by area key: a formatted postcode ("CF10 1EP"), sector ("CF10 1") or district
   * ("CF10").
   *
   * @param source names the file in error messages
   * @throws RoundsFileException naming the source and line of the first mistake
   */
  static Map<String, CollectionSchedule> read(String text, String source) {
    // Spreadsheets often save UTF-8 with a byte order mark, which would spoil the first name.
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Map<String, Area> areas = new LinkedHashMap<>();
    Map<String, Area> firstRowOfRound = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), FORMAT)) {
      List<String> header = parser.getHeaderNames().stream()
          .map(name -> name.toLowerCase(Locale.ROOT)).toList();
      List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
      if (!missing.isEmpty()) {
        throw new RoundsFileException(source, 0, "the header line must name the columns "
            + String.join(", ", COLUMNS) + "; missing: " + String.join(", ", missing));
      }
      for (CSVRecord row : parser) {
        long line = parser.getCurrentLineNumber();
        if (!row.isConsistent()) {
          throw new RoundsFileException(source, line, "expected " + header.size() + " values, found "
              + row.size());
        }
        if (row.stream().anyMatch(value -> value.contains("\n") || value.contains("\r"))) {
          throw new RoundsFileException(source, line, "a value runs over more than one line");
        }
        String area = area(row.get("area"))
            .orElseThrow(() -> new RoundsFileException(source, line, "area '" + row.get("area")
                + "' is not a full postcode (CF10 1EP), a sector (CF10 1) or a district (CF10)"));
        String round = row.get("round");
        if (round.isEmpty()) {
          throw new RoundsFileException(source, line, "the round is empty");
        }
        DayOfWeek day = day(row.get("day"))
            .orElseThrow(() -> new RoundsFileException(source, line, "day '" + row.get("day")
                + "' is not a day of the week (Monday to Sunday)"));
        WeekPattern weeks = WeekPattern.fromLabel(row.get("weeks"))
            .orElseThrow(() -> new RoundsFileException(source, line, "weeks '" + row.get("weeks")
                + "' is not weekly, fortnightly-odd or fortnightly-even"));
        List<String> bins = Arrays.stream(row.get("bins").split(";"))
            .map(String::strip).filter(bin -> !bin.isEmpty()).toList();
        if (bins.isEmpty()) {
          throw new RoundsFileException(source, line, "no bins given (separate several with ';')");
        }

        Area known = areas.computeIfAbsent(area,
            key -> new Area(round, day, line, new ArrayList<>(), new ArrayList<>()));
        if (!known.round().equals(round) || known.day() != day) {
          throw new RoundsFileException(source, line, "area " + area + " is on round " + round + " on "
              + name(day) + " here but on round " + known.round() + " on " + name(known.day())
              + " at line " + known.line() + "; an area has one round and one day");
        }
        Area roundStart = firstRowOfRound.putIfAbsent(round, known);
        if (roundStart != null && roundStart.day() != day) {
          throw new RoundsFileException(source, line, "round " + round + " is on " + name(day)
              + " here but on " + name(roundStart.day()) + " at line " + roundStart.line());
        }
        if (weeks.includesOddWeeks()) {
          addNew(known.odd(), bins);
        }
        if (weeks.includesEvenWeeks()) {
          addNew(known.even(), bins);
        }
      }
    } catch (UncheckedIOException | IOException | IllegalArgumentException e) {
      // The parser's own complaints (an unclosed quote, a repeated column name) already say where.
      throw new RoundsFileException(source, 0, e.getMessage(), e);
    }
    if (areas.isEmpty()) {
      throw new RoundsFileException(source, 0, "no rounds in the file");
    }
    Map<String, CollectionSchedule> schedules = new LinkedHashMap<>();
    areas.forEach((key, area) -> schedules.put(key,
        new CollectionSchedule(area.round(), area.day(), area.odd(), area.even())));
    return Map.copyOf(schedules);
  }

  /** The lookup key of an area, or empty if it is none of postcode, sector or district. */
  static Optional<String> area(String text) {
    Optional<Postcode> postcode = Postcode.parse(text);
    if (postcode.isPresent()) {
      return postcode.map(Postcode::formatted);
    }
    Matcher sector = SECTOR.matcher(text.strip());
    if (sector.matches()) {
      return Postcode.parseDistrict(sector.group(1))
          .map(district -> district + " " + sector.group(2));
    }
    return Postcode.parseDistrict(text);
  }

  private static Optional<DayOfWeek> day(String text) {
    String wanted = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(DayOfWeek.values())
        .filter(day -> day.name().equals(wanted)
            || (wanted.length() == 3 && day.name().startsWith(wanted)))
        .findFirst();
  }

  private static String name(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.UK);
  }

  private static void addNew(List<String> into, List<String> bins) {
    bins.stream().filter(bin -> !into.contains(bin)).forEach(into::add);
  }
}
