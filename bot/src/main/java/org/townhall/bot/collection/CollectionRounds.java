package org.townhall.bot.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The council's bin collection rounds, read at start-up from {@code townhall.collections.rounds-file}
 * (or the demo council's file), so a council replaces its data without code; a malformed file stops
 * start-up with the file and line at fault. Editors may publish a new rounds file with the content
 * ({@link #use}): it then replaces the configured one until a version without one is published.
 */
@Component
public class CollectionRounds {

  static final String DEMO_FILE = "collections/demo-council.csv";

  private static final Logger log = LoggerFactory.getLogger(CollectionRounds.class);
  private static final URI GOV_UK_FIND_COUNCIL =
      URI.create("https://www.gov.uk/find-local-council");

  /** A rounds file read: its text (so editors can start from it) and its schedules by area. */
  private record Rounds(String text, Map<String, CollectionSchedule> byArea) {

    static Rounds of(String text, String source) {
      return new Rounds(text, RoundsFile.read(text, source));
    }
  }

  private final Rounds configured;
  private final AtomicReference<Rounds> current;
  private final String councilName;
  private final URI findCouncilUrl;

  CollectionRounds(CollectionProperties properties) {
    Path file = properties.roundsFile();
    this.configured = file == null
        ? Rounds.of(readDemo(), "Collection rounds file classpath:" + DEMO_FILE)
        : Rounds.of(read(file), "Collection rounds file " + file);
    this.current = new AtomicReference<>(configured);
    Map<String, CollectionSchedule> byArea = configured.byArea();
    this.councilName = properties.councilName() == null || properties.councilName().isBlank()
        ? "Demo Council"
        : properties.councilName().strip();
    this.findCouncilUrl =
        Objects.requireNonNullElse(properties.findCouncilUrl(), GOV_UK_FIND_COUNCIL);
    log.info("Loaded bin collection rounds for {} areas from {}", byArea.size(),
        file == null ? DEMO_FILE : file);
  }

  /**
   * The postcode's schedule, the most specific area winning: the full postcode, then its sector,
   * then its district. No match means the postcode is not the council's.
   */
  public CollectionLookup lookup(Postcode postcode) {
    return lookup(current.get().byArea(), postcode);
  }

  private static CollectionLookup lookup(Map<String, CollectionSchedule> byArea, Postcode postcode) {
    for (String key : new String[] {postcode.formatted(), postcode.sector(), postcode.district()}) {
      CollectionSchedule schedule = byArea.get(key);
      if (schedule != null) {
        return new CollectionLookup.Found(postcode, schedule);
      }
    }
    return new CollectionLookup.OutsideArea(postcode);
  }

  /** The rounds file in use now, as text: an editor's starting point for a new one. */
  public String text() {
    return current.get().text();
  }

  /**
   * Checks a rounds file without using it.
   *
   * @return the first mistake, with its line, or empty when the file can be used
   */
  public Optional<RoundsFileException> check(String text, String source) {
    try {
      RoundsFile.read(text, source);
      return Optional.empty();
    } catch (RoundsFileException e) {
      return Optional.of(e);
    }
  }

  /**
   * Answers every postcode from this rounds file from now on; null goes back to the configured file.
   * Each lookup reads one file whole: the swap is a single reference.
   *
   * @throws RoundsFileException if the file has a mistake (the rounds in use stay as they were)
   */
  public void use(String text, String source) {
    Rounds next = text == null ? configured : Rounds.of(text, source);
    Rounds before = current.getAndSet(next);
    if (before != next) {
      log.info("Bin collection rounds for {} areas from {}", next.byArea().size(),
          text == null ? "the configured file" : source);
    }
  }

  /** How one area, or one postcode, is answered now and with a new rounds file. */
  public record PreviewRow(String area, String now, String withNewFile) {}

  /**
   * What a new rounds file changes: how many areas it adds, drops and changes, and what residents
   * would be told, now and with it, for a few changed areas and for the postcodes asked about.
   */
  public record Preview(int areas, int added, int removed, int changed, List<PreviewRow> rows) {}

  /**
   * Compares a new rounds file with the rounds in use.
   *
   * @param postcodes postcodes an editor wants to see (text that is no postcode is shown as such)
   * @param changedShown how many changed areas to show besides
   * @throws RoundsFileException if the new file has a mistake
   */
  public Preview preview(String text, String source, List<String> postcodes, int changedShown, LocalDate today) {
    Map<String, CollectionSchedule> now = current.get().byArea();
    Map<String, CollectionSchedule> next = RoundsFile.read(text, source);
    int added = 0;
    int changed = 0;
    List<PreviewRow> rows = new ArrayList<>();
    for (Map.Entry<String, CollectionSchedule> area : new java.util.TreeMap<>(next).entrySet()) {
      CollectionSchedule was = now.get(area.getKey());
      if (was == null) {
        added++;
      } else if (!was.equals(area.getValue())) {
        changed++;
      }
      if (!area.getValue().equals(was) && rows.size() < changedShown) {
        rows.add(new PreviewRow(area.getKey(), was == null ? "Not in the rounds file now." : was.describe(today),
            area.getValue().describe(today)));
      }
    }
    int removed = (int) now.keySet().stream().filter(k -> !next.containsKey(k)).count();
    for (String asked : postcodes) {
      Optional<Postcode> postcode = Postcode.find(asked);
      if (postcode.isEmpty()) {
        rows.add(new PreviewRow(asked, "Not a postcode.", "Not a postcode."));
        continue;
      }
      rows.add(new PreviewRow(postcode.get().formatted(), told(lookup(now, postcode.get()), today),
          told(lookup(next, postcode.get()), today)));
    }
    return new Preview(next.size(), added, removed, changed, rows);
  }

  private String told(CollectionLookup lookup, LocalDate today) {
    return lookup instanceof CollectionLookup.Found found ? found.schedule().describe(today)
        : "Not in " + councilName + "'s area.";
  }

  /** The council's name as residents know it, e.g. for "CF99 1AA is not in Demo Council's area". */
  public String councilName() {
    return councilName;
  }

  /** Where a resident can find the council for a postcode outside our area. */
  public URI findCouncilUrl() {
    return findCouncilUrl;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(
          "Collection rounds file " + file + ": not UTF-8 text; save it as CSV UTF-8", e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the collection rounds file " + file + ": " + e,
          e);
    }
  }

  private static String readDemo() {
    try {
      return new ClassPathResource(DEMO_FILE).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo collection rounds are not on the classpath", e);
    }
  }
}
