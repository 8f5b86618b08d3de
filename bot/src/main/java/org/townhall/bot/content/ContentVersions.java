package org.townhall.bot.content;

import java.util.List;
import java.util.Optional;
import org.townhall.nlp.content.PackArchive;

/**
 * Where published versions of the content and the editors' draft are kept: in memory (one instance,
 * gone on restart) or in Redis (shared by every instance, kept across restarts).
 */
interface ContentVersions {

  /** The number of the version every instance should serve; empty while editors have published nothing. */
  Optional<Integer> live();

  /** Every published version, newest first (not version 0). */
  List<ContentVersion> history();

  Optional<ContentVersion> version(int number);

  Optional<PackArchive> archive(int number);

  /** Keeps {@code files} as the next version and makes it live, in one step; {@code approvedBy} may be null. */
  ContentVersion publish(PackArchive files, String by, String message, Integer restoredFrom, String approvedBy);

  /** A publication waiting for a second person, with the files it would publish. */
  record Pending(ContentApproval approval, PackArchive files) {}

  Optional<Pending> pending();

  void savePending(Pending pending);

  void clearPending();

  Optional<ContentDraft> draft();

  void saveDraft(ContentDraft draft);

  void discardDraft();
}
