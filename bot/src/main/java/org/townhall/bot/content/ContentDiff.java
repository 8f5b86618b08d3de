package org.townhall.bot.content;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.townhall.nlp.content.PackArchive;

/**
 * What changed between two versions of the content, file by file, as unified diffs (the form
 * reviewers know from git), computed by java-diff-utils rather than by hand.
 */
public final class ContentDiff {

  /** Lines of context around each change. */
  private static final int CONTEXT = 2;

  private ContentDiff() {}

  /**
   * One changed file.
   *
   * @param change "added", "removed" or "changed"
   * @param diff the unified diff, from {@code a/<path>} to {@code b/<path>}
   */
  public record FileChange(String path, String change, String diff) {}

  static List<FileChange> between(PackArchive from, PackArchive to) {
    return to.changedFrom(from).stream().map(path -> {
      List<String> before = lines(from, path);
      List<String> after = lines(to, path);
      String change = !from.files().containsKey(path) ? "added" : !to.files().containsKey(path) ? "removed" : "changed";
      List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, before,
          DiffUtils.diff(before, after), CONTEXT);
      return new FileChange(path, change, String.join("\n", unified));
    }).toList();
  }

  private static List<String> lines(PackArchive archive, String path) {
    byte[] content = archive.files().get(path);
    return content == null ? List.of() : new String(content, StandardCharsets.UTF_8).lines().toList();
  }
}
