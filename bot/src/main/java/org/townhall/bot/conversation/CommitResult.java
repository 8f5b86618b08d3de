package org.townhall.bot.conversation;

import java.util.List;

/**
 * A successful commit: the record as now stored and the transcript entries it appended, with their
 * seqs.
 */
record CommitResult(ConversationRecord record, List<TranscriptEntry> appended) {

  public CommitResult {
    appended = List.copyOf(appended);
  }
}
