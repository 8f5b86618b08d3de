package org.townhall.bot.content;

import jakarta.annotation.PreDestroy;
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
import org.townhall.nlp.content.PackArchive;

/**
 * How editors' changes reach residents: publishing the draft ({@link ContentDrafts}) checks it,
 * trains the new models in the background and swaps the whole release in on this
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
  /** Where the pack keeps what decides and says safeguarding help; changes there need a second person. */
  static final String SAFEGUARDING_FOLDER = "safeguarding/";

  private final AnswerCatalog catalog;
  private final ContentDrafts drafts;
  private final ContentEvaluation evaluation;
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

  ContentPublishing(AnswerCatalog catalog, ContentDrafts drafts, ContentEvaluation evaluation, ContentReleases releases,
      ContentVersions versions, Clock clock) {
    this.catalog = catalog;
    this.drafts = drafts;
    this.evaluation = evaluation;
    this.releases = releases;
    this.versions = versions;
    this.clock = clock;
  }

  /** A publication (or rollback) and how it went. */
  public record PublishJob(String state, String by, String message, Instant startedAt, Instant finishedAt,
      Integer version, String problem) {

    public static final String AWAITING_APPROVAL = "awaiting approval";
    public static final String TRAINING = "training";
    public static final String PUBLISHED = "published";
    public static final String FAILED = "failed";

    PublishJob finished(String newState, Integer newVersion, String newProblem, Instant at) {
      return new PublishJob(newState, by, message, startedAt, at, newVersion, newProblem);
    }
  }

  public ContentVersion live() {
    return catalog.release().version();
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

  /**
   * Publishes the draft: checked now (a broken pack is refused with its problems), trained in the
   * background, then live here and, through the store, on every instance. A draft whose phrases
   * changed must have passed its evaluation ({@link ContentEvaluation}), unless an administrator
   * overrides it with a reason.
   *
   * @param override an administrator's reason to publish despite the evaluation, or null
   * @throws ContentRefusedException if there is nothing to publish, the pack is broken, the
   *     evaluation blocks it, or a publication is running
   */
  public synchronized PublishJob publish(String by, String message, String override) {
    Optional<ContentDraft> draft = versions.draft();
    if (draft.isEmpty() || draft.get().files().id().equals(catalog.release().files().id())) {
      throw new ContentRefusedException("there is nothing to publish: the draft is the same as the live version", List.of());
    }
    PackArchive files = draft.get().files();
    ContentPack pack = checked(files);
    Optional<ContentEvaluation.Block> blocked = evaluation.blocks(files, pack);
    if (blocked.isPresent() && override == null) {
      throw new ContentRefusedException("not published: " + blocked.get().why()
          + (blocked.get().evaluated() ? ". An administrator can publish it anyway, giving a reason." : ""), List.of());
    }
    return start(by, override == null ? message : message + " (published despite the evaluation: " + override + ")",
        files, pack, null);
  }

  /** Differences between two versions' files; {@code to} empty means the draft. */
  public List<ContentDiff.FileChange> diff(int from, Optional<Integer> to) {
    PackArchive before = files(from).orElseThrow(() -> new ContentRefusedException(ContentRefusedException.Reason.NOT_FOUND, "there is no version " + from));
    PackArchive after = to.isEmpty() ? drafts.draftFiles()
        : files(to.get()).orElseThrow(() -> new ContentRefusedException(ContentRefusedException.Reason.NOT_FOUND, "there is no version " + to.get()));
    return ContentDiff.between(before, after);
  }

  /** Publishes an earlier version's files again, as a new version. */
  public synchronized PublishJob rollback(int version, String by, String message) {
    PackArchive files = files(version).orElseThrow(() -> new ContentRefusedException(ContentRefusedException.Reason.NOT_FOUND, "there is no version " + version));
    return start(by, message, files, checked(files), version);
  }

  /** The publication waiting for a second person's approval, if any. */
  public Optional<ContentApproval> pendingApproval() {
    return versions.pending().map(ContentVersions.Pending::approval);
  }

  /**
   * A second person approves the waiting publication of safeguarding content; it is then checked,
   * trained and published as its requester asked, with the approver named on the version.
   *
   * @throws ContentRefusedException when nothing waits, or the approver is the person who asked
   */
  public synchronized PublishJob approve(String approver) {
    ContentVersions.Pending pending = versions.pending()
        .orElseThrow(() -> new ContentRefusedException("no publication is waiting for approval", List.of()));
    ContentApproval approval = pending.approval();
    if (approval.requestedBy().equals(approver)) {
      throw new ContentRefusedException("a change to safeguarding content needs a second person: someone other than "
          + approver + " must approve it", List.of());
    }
    refuseWhileTraining();
    PublishJob job = train(approval.requestedBy(), approval.message(), pending.files(), checked(pending.files()),
        approval.restoredFrom(), approver);
    versions.clearPending();
    return job;
  }

  /** A second person turns the waiting publication down; nothing changes for residents. */
  public synchronized PublishJob reject(String rejecter, String reason) {
    ContentApproval approval = pendingApproval()
        .orElseThrow(() -> new ContentRefusedException("no publication is waiting for approval", List.of()));
    versions.clearPending();
    PublishJob rejected = new PublishJob(PublishJob.FAILED, approval.requestedBy(), approval.message(),
        approval.requestedAt(), clock.instant(), null, "turned down by " + rejecter + ": " + reason);
    job.set(rejected);
    return rejected;
  }

  public Optional<PublishJob> job() {
    return Optional.ofNullable(job.get());
  }

  /**
   * Trains and publishes checked files ({@link #checked}); a change to safeguarding content (its
   * categories, phrases, help or look-alikes) waits instead for a second person ({@link #approve}).
   */
  private PublishJob start(String by, String message, PackArchive files, ContentPack pack, Integer restoredFrom) {
    refuseWhileBusy();
    List<String> safeguarding = files.changedFrom(catalog.release().files()).stream()
        .filter(path -> path.startsWith(SAFEGUARDING_FOLDER)).toList();
    if (safeguarding.isEmpty()) {
      return train(by, message, files, pack, restoredFrom, null);
    }
    ContentApproval approval = new ContentApproval(by, message, clock.instant(), restoredFrom, safeguarding);
    versions.savePending(new ContentVersions.Pending(approval, files));
    PublishJob waiting = new PublishJob(PublishJob.AWAITING_APPROVAL, by, message, approval.requestedAt(), null, null, null);
    job.set(waiting);
    return waiting;
  }

  private void refuseWhileBusy() {
    refuseWhileTraining();
    versions.pending().ifPresent(p -> {
      throw new ContentRefusedException("a change to safeguarding content asked for by " + p.approval().requestedBy()
          + " is waiting for approval: approve or turn it down first", List.of());
    });
  }

  private void refuseWhileTraining() {
    PublishJob running = job.get();
    if (running != null && PublishJob.TRAINING.equals(running.state())) {
      throw new ContentRefusedException("a publication is already running, started by " + running.by()
          + "; wait for it to finish", List.of());
    }
  }

  /** The pack these files make, or a refusal listing its problems (read once per files: ContentDrafts keeps it). */
  private ContentPack checked(PackArchive files) {
    ContentDrafts.Readout read = drafts.readout(files);
    if (read.pack() == null) {
      throw new ContentRefusedException("the content has " + read.problems().size()
          + (read.problems().size() == 1 ? " problem" : " problems") + " to fix before it can be published",
          read.problems());
    }
    return read.pack();
  }

  private PublishJob train(String by, String message, PackArchive files, ContentPack pack, Integer restoredFrom,
      String approvedBy) {
    PublishJob started = new PublishJob(PublishJob.TRAINING, by, message, clock.instant(), null, null, null);
    job.set(started);
    worker.execute(() -> {
      try {
        // trained under a stand-in version: its number is known only once it is kept
        ContentRelease trained = releases.release(ContentVersion.shipped(files.id(), files.files().size()), files, pack);
        ContentVersion version = versions.publish(files, by, message, restoredFrom, approvedBy);
        catalog.swap(trained.withVersion(version));
        // the draft is done with, unless someone changed it meanwhile
        versions.draft().filter(d -> d.files().id().equals(files.id())).ifPresent(d -> versions.discardDraft());
        job.set(started.finished(PublishJob.PUBLISHED, version.number(), null, clock.instant()));
      } catch (RuntimeException e) {
        log.error("Publishing content failed; the live version is unchanged", e);
        job.set(started.finished(PublishJob.FAILED, null, e.getMessage() == null ? e.toString() : e.getMessage(),
            clock.instant()));
      }
    });
    return started;
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

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
