package org.townhall.bot.content;

import java.time.Instant;
import java.util.List;

/**
 * A publication that changes safeguarding content, waiting for a second person: what decides whether
 * a resident is in danger, and the help they are given, never change on one person's word.
 *
 * @param restoredFrom the version a rollback restores, or null
 * @param safeguardingFiles the safeguarding files it changes
 */
public record ContentApproval(String requestedBy, String message, Instant requestedAt, Integer restoredFrom,
    List<String> safeguardingFiles) {

  public ContentApproval {
    safeguardingFiles = List.copyOf(safeguardingFiles);
  }
}
