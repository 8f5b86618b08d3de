package org.townhall.bot.content;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
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

  /** An editor's file; the biggest built-in file (a safeguarding category) is about 60 kB. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private final AnswerCatalog catalog;
  private final ContentVersions versions;
  private final Clock clock;

  ContentDrafts(AnswerCatalog catalog, ContentVersions versions, Clock clock) {
    this.catalog = catalog;
    this.versions = versions;
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

  /** Puts one file into the draft (a new file, or a changed one). */
  public synchronized DraftView putFile(String path, String text, String by) {
    if (!PackArchive.isSafePath(path)) {
      throw new ContentRefusedException(ContentRefusedException.Reason.BAD_INPUT,
          "not a file a content pack can hold: use a path such as intents/report_pothole.yml");
    }
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    if (content.length > MAX_FILE_BYTES) {
      throw new ContentRefusedException(ContentRefusedException.Reason.BAD_INPUT,
          "a file holds at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
    }
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
  public synchronized DraftView removeFile(String path, String by) {
    PackArchive files = draftFiles();
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
    return putFile(IntentFileWriter.path(intent.id()), IntentFileWriter.write(intent), by);
  }

  /** Retires an intent: its file leaves the draft. */
  public DraftView retireIntent(String id, String by) {
    return removeFile(IntentFileWriter.path(id), by);
  }
}
