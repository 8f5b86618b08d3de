package org.townhall.bot.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.collection.CollectionRounds;
import org.townhall.bot.collection.RoundsFileException;
import org.townhall.bot.content.ContentDrafts;
import org.townhall.bot.web.ApiException;

/**
 * The bin collection rounds as editors change them (EDITOR or ADMIN, like all of {@code
 * /api/console/content}): the file in use now, to start from, and what the draft's new file would
 * change, in the words residents would be told. The file itself goes into the draft like any other
 * ({@code PUT /api/console/content/draft/file?path=collections/rounds.csv}).
 */
@RestController
@RequestMapping("/api/console/content/rounds")
class RoundsApiController {

  /** Postcodes an editor can ask about at once, and changed areas shown besides. */
  private static final int MAX_POSTCODES = 10;
  private static final int CHANGED_SHOWN = 8;

  private final CollectionRounds rounds;
  private final ContentDrafts drafts;
  private final Clock clock;

  RoundsApiController(CollectionRounds rounds, ContentDrafts drafts, Clock clock) {
    this.rounds = rounds;
    this.drafts = drafts;
    this.clock = clock;
  }

  /** The rounds file residents are answered from now, as a CSV download. */
  @GetMapping("/current")
  ResponseEntity<String> current() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"collection-rounds.csv\"")
        .body(rounds.text());
  }

  /**
   * What the draft's rounds file changes against the rounds in use: areas added, dropped and
   * changed, and what residents would be told for a few changed areas and the postcodes asked about.
   *
   * @param postcodes up to ten, separated by commas
   */
  @GetMapping("/preview")
  ResponseEntity<CollectionRounds.Preview> preview(@RequestParam Optional<String> postcodes) {
    List<String> asked = postcodes.map(p -> Arrays.stream(p.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .toList()).orElse(List.of());
    if (asked.size() > MAX_POSTCODES || asked.stream().anyMatch(p -> p.length() > 12)) {
      throw ApiException.badRequest("Ask about at most " + MAX_POSTCODES + " postcodes, separated by commas.");
    }
    String csv = drafts.draftFiles().text(ContentDrafts.ROUNDS_FILE)
        .orElseThrow(() -> ApiException.notFound("The draft has no new rounds file: upload one first."));
    try {
      return ResponseEntity.ok(rounds.preview(csv, ContentDrafts.ROUNDS_FILE, asked, CHANGED_SHOWN,
          LocalDate.now(clock)));
    } catch (RoundsFileException e) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "The rounds file cannot be used: " + e.getMessage() + ".");
    }
  }
}
