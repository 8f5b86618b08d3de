package org.townhall.bot.content;

import java.time.Instant;

/**
 * A published version of the council's content: a number, the pack's fingerprint, and who
 * published it, when and why. Version 0 is the content the product shipped with (the built-in pack,
 * or {@code townhall.content.pack-dir}); editors' versions count up from 1.
 *
 * @param publishedBy null for version 0
 * @param publishedAt null for version 0
 * @param restoredFrom the version this one rolled back to, if it is a rollback (else null)
 * @param approvedBy who approved a change to safeguarding content (else null)
 */
public record ContentVersion(int number, String packId, int files, String publishedBy,
    Instant publishedAt, String message, Integer restoredFrom, String approvedBy) {

  static ContentVersion shipped(String packId, int files) {
    return new ContentVersion(0, packId, files, null, null, "The content the product started with", null, null);
  }
}
