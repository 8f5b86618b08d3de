package org.townhall.bot.content;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.townhall.bot.collection.CollectionRounds;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackException;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.IntentFileWriter;
import org.townhall.nlp.content.PackArchive;

/**
 * The editors' shared draft of the pack's files: put in, taken out, imported whole, or changed as an
 * intent's form; every change answered with the draft's differences from the live version and the
 * problems (file and line) that would stop it being published. Who changed which file when is kept
 * with it. Nothing here changes what residents see: that is {@link ContentPublishing}.
 */
@Service
public class ContentDrafts {

  /**
   * The council's bin collection rounds, when editors publish a new file (the format of
   * {@code townhall.collections.rounds-file}); without it the configured file is used.
   */
  public static final String ROUNDS_FILE = "collections/rounds.csv";

  /** An editor's file; the biggest built-in file (a safeguarding category) is about 60 kB. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private final AnswerCatalog catalog;
  private final ContentVersions versions;
  private final CollectionRounds rounds;
  private final Clock clock;

  ContentDrafts(AnswerCatalog catalog, ContentVersions versions, CollectionRounds rounds, Clock clock) {
    this.catalog = catalog;
    this.versions = versions;
    this.rounds = rounds;
    this.clock = clock;
  }

  public ContentPack livePack() {
    return catalog.release().pack();
  }

  /** The draft's files, or the live version's while nobody has changed anything. */
  public PackArchive draftFiles() {
    return versions.draft().map(ContentDraft::files).orElseGet(() -> catalog.release().files());
  }

  public DraftView draft() {
    ContentRelease release = catalog.release();
    Optional<ContentDraft> draft = versions.draft();
    PackArchive files = draft.map(ContentDraft::files).orElse(release.files());
    return new DraftView(draft.map(ContentDraft::basedOn).orElse(release.version().number()),
        release.version().number(), ContentDiff.between(release.files(), files),
        draft.map(ContentDraft::edits).orElse(List.of()), problems(files));
  }

  /** What {@link #revision} answers for a file the draft does not have. */
  public static final String NO_FILE = "none";

  /**
   * A file's revision in the draft: it changes whenever the file does, so an editor's change can be
   * refused when someone else changed the same file after the editor opened it (two editors, one
   * draft: the later save would silently undo the earlier).
   */
  public String revision(String path) {
    byte[] content = draftFiles().files().get(path);
    if (content == null) {
      return NO_FILE;
    }
    return org.townhall.bot.store.Sha256.hex(content).substring(0, 24);
  }

  /**
   * Refuses a change made to a file as it was at {@code expected} when it has changed since
   * ({@code null}: no expectation, as for the inbox's additions, which only ever add).
   */
  private void requireRevision(String path, String expected) {
    if (expected == null || expected.equals(revision(path))) {
      return;
    }
    Optional<ContentDraft.Edit> last = versions.draft().flatMap(d -> d.edits().stream()
        .filter(e -> e.path().equals(path) || e.path().equals("*")).reduce((a, b) -> b));
    String who = last.map(e -> e.by() + " changed it at " + java.time.format.DateTimeFormatter.ofPattern("HH:mm")
        .withZone(clock.getZone()).format(e.at())).orElse(expected.equals(NO_FILE)
            ? "someone else created it" : "the draft was published or discarded");
    throw new ContentRefusedException(ContentRefusedException.Reason.STALE, "not saved: " + who
        + " after you opened it. Open it again to see that change, then make yours");
  }

  /** Puts one file into the draft (a new file, or a changed one). */
  public DraftView putFile(String path, String text, String by) {
    return putFile(path, text, by, null);
  }

  /**
   * Puts one file into the draft, provided it is still at the revision the editor started from.
   *
   * @param expectedRevision the file's {@link #revision} when the editor opened it ({@link #NO_FILE}
   *     for a new file), or null to replace whatever is there
   */
  public synchronized DraftView putFile(String path, String text, String by, String expectedRevision) {
    if (!PackArchive.isSafePath(path)) {
      throw new ContentRefusedException(ContentRefusedException.Reason.BAD_INPUT,
          "not a file a content pack can hold: use a path such as intents/report_pothole.yml");
    }
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    if (content.length > MAX_FILE_BYTES) {
      throw new ContentRefusedException(ContentRefusedException.Reason.BAD_INPUT,
          "a file holds at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
    }
    requireRevision(path, expectedRevision);
    PackArchive files = draftFiles();
    String kind = files.files().containsKey(path) ? "changed" : "added";
    PackArchive changed;
    try {
      changed = files.with(path, content);
    } catch (IllegalArgumentException e) { // the pack as a whole beyond its limits
      throw new ContentRefusedException(ContentRefusedException.Reason.BAD_INPUT, e.getMessage());
    }
    return saveDraft(changed, new ContentDraft.Edit(path, kind, by, clock.instant()));
  }

  /** Takes one file out of the draft. */
  public DraftView removeFile(String path, String by) {
    return removeFile(path, by, null);
  }

  /** Takes one file out of the draft, provided it is still at the revision the editor saw (or null). */
  public synchronized DraftView removeFile(String path, String by, String expectedRevision) {
    PackArchive files = draftFiles();
    if (files.files().containsKey(path)) {
      requireRevision(path, expectedRevision);
    }
    if (!files.files().containsKey(path)) {
      throw new ContentRefusedException(ContentRefusedException.Reason.NOT_FOUND, "the draft has no file " + path);
    }
    return saveDraft(files.without(path), new ContentDraft.Edit(path, "removed", by, clock.instant()));
  }

  /** Replaces the whole draft with imported files (checked, and shown as changes, before anyone publishes). */
  public synchronized DraftView importFiles(PackArchive files, String by) {
    return saveDraft(files, new ContentDraft.Edit("*", "imported", by, clock.instant()));
  }

  public synchronized void discardDraft() {
    versions.discardDraft();
  }

  private DraftView saveDraft(PackArchive files, ContentDraft.Edit edit) {
    Optional<ContentDraft> before = versions.draft();
    List<ContentDraft.Edit> edits = new ArrayList<>(before.map(ContentDraft::edits).orElse(List.of()));
    edits.add(edit);
    int basedOn = before.map(ContentDraft::basedOn).orElse(catalog.release().version().number());
    versions.saveDraft(new ContentDraft(basedOn, files, edits));
    return draft();
  }

  /** What stops these files being published: every problem, file and line; empty when none. */
  List<ContentPackException.Problem> problems(PackArchive files) {
    return readout(files).problems();
  }

  /** A pack's files read once: the pack, or the problems that stop it being read. */
  record Readout(String id, ContentPack pack, List<ContentPackException.Problem> problems) {}

  /** The last files read, kept: editors ask about the same draft many times between changes. */
  private final AtomicReference<Readout> lastRead = new AtomicReference<>();

  Readout readout(PackArchive files) {
    Readout last = lastRead.get();
    if (last != null && last.id().equals(files.id())) {
      return last;
    }
    Readout read;
    try {
      read = new Readout(files.id(), files.read(), List.of());
    } catch (ContentPackException e) {
      read = new Readout(files.id(), null, e.problems());
    }
    // A wrong bin day told to residents is worse than none: a rounds file with a mistake is a problem.
    Optional<ContentPackException.Problem> roundsProblem = files.text(ROUNDS_FILE)
        .flatMap(csv -> rounds.check(csv, ROUNDS_FILE))
        .map(e -> new ContentPackException.Problem(ROUNDS_FILE, (int) e.line(), e.reason()));
    if (roundsProblem.isPresent()) {
      List<ContentPackException.Problem> all = new ArrayList<>(read.problems());
      all.add(roundsProblem.get());
      read = new Readout(files.id(), null, all);
    }
    lastRead.set(read);
    return read;
  }

  /**
   * The draft's pack (the live one while there is no draft).
   *
   * @throws ContentRefusedException with the problems, while the draft cannot be read
   */
  public ContentPack draftPack() {
    Readout read = readout(draftFiles());
    if (read.pack() == null) {
      throw new ContentRefusedException("the draft has problems to fix first", read.problems());
    }
    return read.pack();
  }

  /** Puts an intent, as an editor filled in its form, into the draft as its file. */
  public DraftView putIntent(IntentDefinition intent, String by) {
    return putIntent(intent, by, null);
  }

  /** Puts an intent into the draft, provided its file is at the revision the editor opened (or null). */
  public DraftView putIntent(IntentDefinition intent, String by, String expectedRevision) {
    return putFile(IntentFileWriter.path(intent.id()), IntentFileWriter.write(intent), by, expectedRevision);
  }

  /** Retires an intent: its file leaves the draft, provided it is at the revision the editor saw (or null). */
  public DraftView retireIntent(String id, String by, String expectedRevision) {
    return removeFile(IntentFileWriter.path(id), by, expectedRevision);
  }
}
