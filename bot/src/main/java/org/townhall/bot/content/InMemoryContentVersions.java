package org.townhall.bot.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.townhall.nlp.content.PackArchive;

/** The embedded default: versions and the draft in this process's memory, gone on restart. */
class InMemoryContentVersions implements ContentVersions {

  private final Clock clock;
  private final List<ContentVersion> history = new ArrayList<>();
  private final Map<Integer, PackArchive> archives = new HashMap<>();
  private ContentDraft draft;
  private Pending pending;

  InMemoryContentVersions(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Integer> live() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).number());
  }

  @Override
  public synchronized List<ContentVersion> history() {
    List<ContentVersion> newestFirst = new ArrayList<>(history);
    java.util.Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  @Override
  public synchronized Optional<ContentVersion> version(int number) {
    return history.stream().filter(v -> v.number() == number).findFirst();
  }

  @Override
  public synchronized Optional<PackArchive> archive(int number) {
    return Optional.ofNullable(archives.get(number));
  }

  @Override
  public synchronized ContentVersion publish(PackArchive files, String by, String message, Integer restoredFrom,
      String approvedBy) {
    ContentVersion version = new ContentVersion(history.size() + 1, files.id(), files.files().size(), by,
        clock.instant(), message, restoredFrom, approvedBy);
    archives.put(version.number(), files);
    history.add(version);
    return version;
  }

  @Override
  public synchronized Optional<ContentDraft> draft() {
    return Optional.ofNullable(draft);
  }

  @Override
  public synchronized void saveDraft(ContentDraft draft) {
    this.draft = draft;
  }

  @Override
  public synchronized void discardDraft() {
    draft = null;
  }

  @Override
  public synchronized Optional<Pending> pending() {
    return Optional.ofNullable(pending);
  }

  @Override
  public synchronized void savePending(Pending pending) {
    this.pending = pending;
  }

  @Override
  public synchronized void clearPending() {
    pending = null;
  }
}
