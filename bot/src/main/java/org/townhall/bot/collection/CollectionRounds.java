package org.townhall.bot.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The council's bin collection rounds, read once at start-up from {@code
 * townhall.collections.rounds-file} (or the demo council's file), so a council replaces its data
 * without code. A malformed file stops start-up with the file and line at fault.
 */
@Component
public class CollectionRounds {

  static final String DEMO_FILE = "collections/demo-council.csv";

  private static final Logger log = LoggerFactory.getLogger(CollectionRounds.class);
  private static final URI GOV_UK_FIND_COUNCIL =
      URI.create("https://www.gov.uk/find-local-council");

  private final Map<String, CollectionSchedule> byArea;
  private final String councilName;
  private final URI findCouncilUrl;

  CollectionRounds(CollectionProperties properties) {
    Path file = properties.roundsFile();
    this.byArea = file == null
        ? RoundsFile.read(readDemo(), "Collection rounds file classpath:" + DEMO_FILE)
        : RoundsFile.read(read(file), "Collection rounds file " + file);
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
    for (String key : new String[] {postcode.formatted(), postcode.sector(), postcode.district()}) {
      CollectionSchedule schedule = byArea.get(key);
      if (schedule != null) {
        return new CollectionLookup.Found(postcode, schedule);
      }
    }
    return new CollectionLookup.OutsideArea(postcode);
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
