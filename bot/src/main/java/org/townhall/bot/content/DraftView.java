package org.townhall.bot.content;

import java.util.List;
import org.townhall.nlp.content.ContentPackException;

/**
 * The draft as editors see it.
 *
 * @param basedOn the version the draft started from
 * @param changed the files that differ from the live version's, with their diffs
 * @param edits who changed which file when, oldest first
 * @param problems what stops the draft being published, file and line (empty when it can be)
 */
public record DraftView(int basedOn, int liveVersion, List<ContentDiff.FileChange> changed,
    List<ContentDraft.Edit> edits, List<ContentPackException.Problem> problems) {}
