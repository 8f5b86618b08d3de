package org.townhall.bot.content;

import java.time.Instant;
import java.util.List;
import org.townhall.nlp.content.PackArchive;

/**
 * The editors' shared draft: the live version's files with their changes, and who changed which
 * file when. One draft at a time, shared by every editor, as a newsroom shares tomorrow's edition.
 *
 * @param basedOn the version the draft started from
 */
record ContentDraft(int basedOn, PackArchive files, List<Edit> edits) {

  /** One change to one file. */
  record Edit(String path, String kind, String by, Instant at) {}

  ContentDraft {
    edits = List.copyOf(edits);
  }
}
