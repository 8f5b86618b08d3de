package org.townhall.nlp.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A content pack as its files (relative path to bytes), so that a version of the council's content
 * can be kept, compared, exported and imported as the very files {@link ContentPackReader} reads.
 * Paths use "/" and are checked on the way in: no absolute paths, no "..", no hidden files, only the
 * pack's own kinds of file, and bounded in number and size, because an imported archive comes from
 * outside.
 *
 * <p>Immutable.
 */
public final class PackArchive {

  /** Far above the built-in pack (about 70 files, 2 MB); an archive beyond these is refused. */
  public static final int MAX_FILES = 2_000;
  public static final long MAX_BYTES = 32L * 1024 * 1024;
  private static final Pattern SAFE_PATH =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}){0,3}");
  private static final Set<String> KINDS = Set.of(".yml", ".yaml", ".json", ".jsonl", ".properties", ".csv", ".md", ".txt");

  private final Map<String, byte[]> files;
  private final String id;

  private PackArchive(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    this.id = digest(this.files);
  }

  /** An archive of these files, checked as an import is. */
  public static PackArchive of(Map<String, byte[]> files) {
    long total = 0;
    if (files.size() > MAX_FILES) {
      throw new IllegalArgumentException("a pack has at most " + MAX_FILES + " files, this one has " + files.size());
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checkPath(file.getKey());
      total += file.getValue().length;
    }
    if (total > MAX_BYTES) {
      throw new IllegalArgumentException("a pack holds at most " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    return new PackArchive(files);
  }

  /** The pack folder's files (hidden files and other kinds left out). */
  public static PackArchive of(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        if (isPackFile(name)) {
          files.put(name, Files.readAllBytes(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the content pack folder " + dir, e);
    }
    return of(files);
  }

  /** The built-in demo council pack's files, from the classpath (a folder or a jar). */
  public static PackArchive builtIn() {
    URL marker = PackArchive.class.getClassLoader().getResource(BuiltInPack.LOCATION + ContentPackReader.PACK_FILE);
    if (marker == null) {
      throw new IllegalStateException("the built-in content pack is not on the classpath");
    }
    try {
      if ("file".equals(marker.getProtocol())) {
        return of(Path.of(marker.toURI()).getParent());
      }
      JarURLConnection connection = (JarURLConnection) marker.openConnection();
      connection.setUseCaches(false);
      Map<String, byte[]> files = new TreeMap<>();
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          String name = entry.getName();
          if (name.startsWith(BuiltInPack.LOCATION) && !entry.isDirectory()) {
            String relative = name.substring(BuiltInPack.LOCATION.length());
            if (isPackFile(relative)) {
              try (InputStream in = jar.getInputStream(entry)) {
                files.put(relative, in.readAllBytes());
              }
            }
          }
        }
      }
      return of(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in content pack", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the built-in content pack at " + marker, e);
    }
  }

  /**
   * Reads a zip of a pack's files. A zip whose files all sit in one top folder (as "download as
   * zip" from a git host makes) is read from inside that folder.
   *
   * @throws IllegalArgumentException if it is not a zip, or breaks the limits or the path rules
   */
  public static PackArchive unzip(byte[] zip) {
    Map<String, byte[]> files = new TreeMap<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.isDirectory() || isIgnorable(entry.getName())) {
          continue;
        }
        if (files.size() >= MAX_FILES) {
          throw new IllegalArgumentException("a pack has at most " + MAX_FILES + " files");
        }
        // read in bounded steps: the size a zip declares is not to be trusted
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          total += n;
          if (total > MAX_BYTES) {
            throw new IllegalArgumentException("a pack holds at most " + MAX_BYTES / (1024 * 1024) + " MB");
          }
          content.write(buffer, 0, n);
        }
        files.put(entry.getName(), content.toByteArray());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException refused) {
        throw refused;
      }
      throw new IllegalArgumentException("not a zip archive of a content pack: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("the archive holds no files");
    }
    return of(withoutCommonFolder(files));
  }

  /** The files as a zip archive, in path order, so the same pack always gives the same bytes. */
  public byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory zip", e);
    }
    return out.toByteArray();
  }

  /**
   * Reads the pack these files make.
   *
   * @throws ContentPackException listing every problem (file and line), if the pack is broken
   */
  public ContentPack read() {
    Path dir;
    try {
      dir = Files.createTempDirectory("townhall-pack");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder to read the pack in", e);
    }
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey()).normalize();
        if (!target.startsWith(dir)) {
          throw new IllegalStateException("checked on the way in: " + file.getKey());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      return ContentPackReader.read(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pack to read it", e);
    } finally {
      deleteTree(dir);
    }
  }

  /** The files by path, in path order; never modify the arrays. */
  public Map<String, byte[]> files() {
    return files;
  }

  public Optional<String> text(String path) {
    return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** These files with one file put in (or replaced). */
  public PackArchive with(String path, byte[] content) {
    Map<String, byte[]> changed = new TreeMap<>(files);
    changed.put(path, content);
    return of(changed);
  }

  /** These files without one. */
  public PackArchive without(String path) {
    Map<String, byte[]> changed = new TreeMap<>(files);
    changed.remove(path);
    return new PackArchive(changed);
  }

  /** The paths whose content differs from {@code other}'s, or that only one of the two has, in path order. */
  public Set<String> changedFrom(PackArchive other) {
    Set<String> changed = new LinkedHashSet<>();
    Set<String> all = new java.util.TreeSet<>(files.keySet());
    all.addAll(other.files.keySet());
    for (String path : all) {
      byte[] mine = files.get(path);
      byte[] theirs = other.files.get(path);
      if (mine == null || theirs == null || !java.util.Arrays.equals(mine, theirs)) {
        changed.add(path);
      }
    }
    return changed;
  }

  /** A SHA-256 of every path and its content: equal packs have equal ids. */
  public String id() {
    return id;
  }

  public long bytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }

  /** Whether {@code path} is a safe relative path to a kind of file a pack holds. */
  public static boolean isSafePath(String path) {
    return path != null && SAFE_PATH.matcher(path).matches() && !path.contains("..") && isPackFile(path);
  }

  private static void checkPath(String path) {
    if (!isSafePath(path)) {
      throw new IllegalArgumentException("not a file a content pack can hold: \"" + printable(path)
          + "\" (letters, digits, '-', '_' and '.', at most four folders deep, ending in one of " + new java.util.TreeSet<>(KINDS) + ")");
    }
  }

  private static boolean isPackFile(String path) {
    int dot = path.lastIndexOf('.');
    return dot > 0 && KINDS.contains(path.substring(dot).toLowerCase(java.util.Locale.ROOT))
        && Stream.of(path.split("/")).noneMatch(part -> part.startsWith("."));
  }

  /** What archivers add that is no part of a pack: macOS forks, hidden files. */
  private static boolean isIgnorable(String name) {
    return name.startsWith("__MACOSX/") || Stream.of(name.split("/")).anyMatch(part -> part.startsWith("."));
  }

  private static Map<String, byte[]> withoutCommonFolder(Map<String, byte[]> files) {
    String first = files.keySet().iterator().next();
    int slash = first.indexOf('/');
    if (slash < 0 || files.containsKey("pack.yml")) {
      return files;
    }
    String folder = first.substring(0, slash + 1);
    if (!files.keySet().stream().allMatch(p -> p.startsWith(folder))) {
      return files;
    }
    Map<String, byte[]> inside = new TreeMap<>();
    files.forEach((path, content) -> inside.put(path.substring(folder.length()), content));
    return inside;
  }

  private static String printable(String path) {
    String shown = path == null ? "" : path.replaceAll("[^\\x20-\\x7E]", "?");
    return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
  }

  private static String digest(Map<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(file.getValue());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
