package org.townhall.bot.content;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackException;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.IntentFileWriter;
import org.townhall.nlp.content.PackArchive;

/**
 * How editors change what the bot says: a shared draft of the pack's files, checked as they save;
 * publishing trains the new models in the background and swaps the whole release in on this
 * instance, and every other instance sees the new live version in the store and does the same
 * ({@link #followLiveVersion()}). A failed training leaves the live version untouched and says why.
 * Rolling back publishes an earlier version's files again, as a new version.
 *
 * <p>One publication at a time per instance, on its own thread: training takes seconds, and no
 * resident's message waits for it.
 */
@Service
public class ContentPublishing {

  private static final Logger log = LoggerFactory.getLogger(ContentPublishing.class);
  /** An editor's file; the biggest built-in file (a safeguarding category) is about 60 kB. */
  public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  private final AnswerCatalog catalog;
  private final ContentReleases releases;
  private final ContentVersions versions;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "content-publishing");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<PublishJob> job = new AtomicReference<>();
  /** The live version another instance published that this one prepared last, so it is prepared once. */
  private final AtomicReference<Integer> following = new AtomicReference<>();

  ContentPublishing(AnswerCatalog catalog, ContentReleases releases, ContentVersions versions, Clock clock) {
    this.catalog = catalog;
    this.releases = releases;
    this.versions = versions;
    this.clock = clock;
  }

  /** A publication (or rollback) and how it went. */
  public record PublishJob(String state, String by, String message, Instant startedAt, Instant finishedAt,
      Integer version, String problem) {

    public static final String TRAINING = "training";
    public static final String PUBLISHED = "published";
    public static final String FAILED = "failed";

    PublishJob finished(String newState, Integer newVersion, String newProblem, Instant at) {
      return new PublishJob(newState, by, message, startedAt, at, newVersion, newProblem);
    }
  }

  /**
   * The draft as editors see it.
   *
   * @param basedOn the version the draft started from
   * @param changed the files that differ from the live version's
   * @param edits who changed which file when, oldest first
   * @param problems what stops the draft being published, file and line (empty when it can be)
   */
  public record DraftView(int basedOn, int liveVersion, List<ContentDiff.FileChange> changed,
      List<ContentDraft.Edit> edits, List<ContentPackException.Problem> problems) {}

  /** A refusal an editor can act on: the message says what to do. */
  public static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ContentPackException.Problem> problems;

    RefusedException(String message, List<ContentPackException.Problem> problems) {
      super(message);
      this.problems = List.copyOf(problems);
    }

    public List<ContentPackException.Problem> problems() {
      return problems;
    }
  }

  public ContentVersion live() {
    return catalog.release().version();
  }

  public ContentPack livePack() {
    return catalog.release().pack();
  }

  /** Every version, newest first, ending with version 0 (the shipped content). */
  public List<ContentVersion> history() {
    List<ContentVersion> all = new ArrayList<>(versions.history());
    all.add(ContentVersion.shipped(catalog.shipped().id(), catalog.shipped().files().size()));
    return all;
  }

  /** A version's files; 0 is the shipped content. */
  public Optional<PackArchive> files(int version) {
    return version == 0 ? Optional.of(catalog.shipped()) : versions.archive(version);
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

  /** Differences between two versions' files; {@code to} empty means the draft. */
  public List<ContentDiff.FileChange> diff(int from, Optional<Integer> to) {
    PackArchive before = files(from).orElseThrow(() -> new IllegalArgumentException("there is no version " + from));
    PackArchive after = to.isEmpty() ? draftFiles()
        : files(to.get()).orElseThrow(() -> new IllegalArgumentException("there is no version " + to.get()));
    return ContentDiff.between(before, after);
  }

  /** Puts one file into the draft (a new file, or a changed one). */
  public synchronized DraftView putFile(String path, String text, String by) {
    if (!PackArchive.isSafePath(path)) {
      throw new IllegalArgumentException("not a file a content pack can hold: use a path such as intents/report_pothole.yml");
    }
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    if (content.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("a file holds at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
    }
    PackArchive files = draftFiles();
    String kind = files.files().containsKey(path) ? "changed" : "added";
    return saveDraft(files.with(path, content), new ContentDraft.Edit(path, kind, by, clock.instant()));
  }

  /** Takes one file out of the draft. */
  public synchronized DraftView removeFile(String path, String by) {
    PackArchive files = draftFiles();
    if (!files.files().containsKey(path)) {
      throw new java.util.NoSuchElementException("the draft has no file " + path);
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

  /**
   * Publishes the draft: checked now (a broken pack is refused with its problems), trained in the
   * background, then live here and, through the store, on every instance.
   *
   * @throws RefusedException if there is nothing to publish, the pack is broken, or a publication is running
   */
  public synchronized PublishJob publish(String by, String message) {
    Optional<ContentDraft> draft = versions.draft();
    if (draft.isEmpty() || draft.get().files().id().equals(catalog.release().files().id())) {
      throw new RefusedException("there is nothing to publish: the draft is the same as the live version", List.of());
    }
    PackArchive files = draft.get().files();
    return start(by, message, files, null, () -> {
      // the draft is done with, unless someone changed it while this one trained
      versions.draft().filter(d -> d.files().id().equals(files.id())).ifPresent(d -> versions.discardDraft());
    });
  }

  /** Publishes an earlier version's files again, as a new version. */
  public synchronized PublishJob rollback(int version, String by, String message) {
    PackArchive files = files(version).orElseThrow(() -> new java.util.NoSuchElementException("there is no version " + version));
    return start(by, message, files, version, () -> {});
  }

  public Optional<PublishJob> job() {
    return Optional.ofNullable(job.get());
  }

  private PublishJob start(String by, String message, PackArchive files, Integer restoredFrom, Runnable afterwards) {
    PublishJob running = job.get();
    if (running != null && PublishJob.TRAINING.equals(running.state())) {
      throw new RefusedException("a publication is already running, started by " + running.by()
          + "; wait for it to finish", List.of());
    }
    Readout read = readout(files);
    if (read.pack() == null) {
      throw new RefusedException("the content has " + read.problems().size()
          + (read.problems().size() == 1 ? " problem" : " problems") + " to fix before it can be published",
          read.problems());
    }
    ContentPack pack = read.pack();
    PublishJob started = new PublishJob(PublishJob.TRAINING, by, message, clock.instant(), null, null, null);
    job.set(started);
    worker.execute(() -> {
      try {
        // trained under a stand-in version: its number is known only once it is kept
        ContentRelease trained = releases.release(ContentVersion.shipped(files.id(), files.files().size()), files, pack);
        ContentVersion version = versions.publish(files, by, message, restoredFrom);
        catalog.swap(trained.withVersion(version));
        afterwards.run();
        job.set(started.finished(PublishJob.PUBLISHED, version.number(), null, clock.instant()));
      } catch (RuntimeException e) {
        log.error("Publishing content failed; the live version is unchanged", e);
        job.set(started.finished(PublishJob.FAILED, null, e.getMessage() == null ? e.toString() : e.getMessage(),
            clock.instant()));
      }
    });
    return started;
  }

  /** What stops these files being published: every problem, file and line; empty when none. */
  public List<ContentPackException.Problem> problems(PackArchive files) {
    return readout(files).problems();
  }

  /** A pack's files read once: the pack, or the problems that stop it being read. */
  private record Readout(String id, ContentPack pack, List<ContentPackException.Problem> problems) {}

  /** The last files read, kept: editors ask about the same draft many times between changes. */
  private final AtomicReference<Readout> lastRead = new AtomicReference<>();

  private Readout readout(PackArchive files) {
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
   * @throws RefusedException with the problems, while the draft cannot be read
   */
  public ContentPack draftPack() {
    Readout read = readout(draftFiles());
    if (read.pack() == null) {
      throw new RefusedException("the draft has problems to fix first", read.problems());
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

  /**
   * Every instance serves the live version in the store: when another instance publishes, this one
   * prepares the same release in the background and swaps it in.
   */
  @Scheduled(fixedDelayString = "${townhall.content.follow-every}")
  void followLiveVersion() {
    Optional<Integer> live;
    try {
      live = versions.live();
    } catch (RuntimeException e) {
      log.warn("Cannot read the live content version now: {}", e.toString());
      return;
    }
    if (live.isEmpty() || live.get() == catalog.release().version().number()
        || live.get().equals(following.get())) {
      return;
    }
    int number = live.get();
    following.set(number);
    worker.execute(() -> {
      try {
        if (catalog.release().version().number() == number) {
          return; // published here meanwhile
        }
        ContentVersion version = versions.version(number).orElseThrow();
        catalog.swap(releases.release(version, versions.archive(number).orElseThrow()));
      } catch (RuntimeException e) {
        // not tried again (following still names it) until a newer version is published
        log.error("Cannot serve content version {} published elsewhere; still serving {}", number,
            catalog.release().version().number(), e);
      }
    });
  }

  /**
   * What one version makes of a sentence.
   *
   * @param does "answer", "ask which" (offers the top topics), or "not understood"
   * @param intent the best topic (null when the best guess is out of scope)
   */
  public record Reading(String does, String intent, String title, double confidence, String answer,
      List<String> quickReplies, List<String> alsoLikely) {}

  /**
   * A sentence tried against the live version and the draft side by side.
   *
   * @param draftState "ready", "preparing" (its models are being made: ask again shortly) or "broken"
   *     (the draft has problems to fix)
   * @param draft null unless ready
   */
  public record Trial(int liveVersion, Reading live, String draftState, Reading draft) {}

  /** The draft's release, made in the background when someone first tries a sentence on it. */
  private record DraftRelease(String filesId, java.util.concurrent.Future<ContentRelease> release) {}

  private final AtomicReference<DraftRelease> draftRelease = new AtomicReference<>();
  private final ExecutorService trials = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "content-trial");
    thread.setDaemon(true);
    return thread;
  });

  /** Classifies {@code text} with the live version and with the draft. */
  public Trial tryOut(String text) {
    ContentRelease live = catalog.release();
    PackArchive draft = draftFiles();
    if (draft.id().equals(live.files().id())) {
      Reading reading = reading(live, text);
      return new Trial(live.version().number(), reading, "ready", reading);
    }
    Readout read = readout(draft);
    if (read.pack() == null) {
      return new Trial(live.version().number(), reading(live, text), "broken", null);
    }
    DraftRelease prepared = draftRelease.updateAndGet(d -> d != null && d.filesId().equals(draft.id()) ? d
        : new DraftRelease(draft.id(), trials.submit(() ->
            releases.release(ContentVersion.shipped(draft.id(), draft.files().size()), draft, read.pack()))));
    if (!prepared.release().isDone()) {
      return new Trial(live.version().number(), reading(live, text), "preparing", null);
    }
    try {
      return new Trial(live.version().number(), reading(live, text), "ready", reading(prepared.release().get(), text));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new RefusedException("the draft's models could not be made: " + e.getCause().getMessage(), List.of());
    }
  }

  private static Reading reading(ContentRelease release, String text) {
    org.townhall.nlp.classify.Classification classified = release.intentModel().classify(text);
    org.townhall.nlp.classify.Verdict verdict = release.pack().thresholds().decide(classified);
    org.townhall.nlp.classify.IntentScore best = classified.best();
    IntentDefinition intent = best.outOfScope() ? null : release.intentsById().get(best.intent());
    List<String> also = classified.topInScope(3).stream().map(org.townhall.nlp.classify.IntentScore::intent)
        .filter(i -> intent == null || !i.equals(intent.id())).toList();
    String does = switch (verdict) {
      case ANSWER -> "answer";
      case CLARIFY -> "ask which";
      case REJECT -> "not understood";
    };
    return new Reading(does, intent == null ? null : intent.id(), intent == null ? null : intent.title(),
        best.confidence(), intent == null ? null : intent.answer().text(),
        intent == null ? List.of() : intent.answer().options(), also);
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
    trials.shutdownNow();
  }
}
