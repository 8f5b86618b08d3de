package org.townhall.bot.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus}, read as Prometheus reads its text format: each sample is
 * a metric name, its labels and a value. Lookups name a series by metric name and some of its labels,
 * and fail unless exactly one series matches.
 */
public final class Prometheus {

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One time series' value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples;

  private Prometheus(String text, List<Sample> samples) {
    this.text = text;
    this.samples = samples;
  }

  /** The scrape as it was served. */
  public String text() {
    return text;
  }

  /** Scrapes {@code /actuator/prometheus} on the given port as Prometheus does; fails unless it answers 200. */
  public static Prometheus scrape(int port) {
    Http http = new Http(port);
    Http.Reply reply = http.send(http.request("/actuator/prometheus").setHeader("Accept", "text/plain").GET());
    if (reply.status() != 200) {
      throw new AssertionError("/actuator/prometheus answered " + reply.status() + ": " + reply.raw().body());
    }
    return parse(reply.raw().body());
  }

  static Prometheus parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("not a Prometheus sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
    }
    return new Prometheus(text, samples);
  }

  /** The value of the one series with this name and these labels (among others); fails if there is none. */
  public double value(String name, String... labels) {
    List<Sample> found = matching(name, labels);
    if (found.size() != 1) {
      throw new AssertionError("expected one series " + name + " " + List.of(labels) + ", found " + found);
    }
    return found.get(0).value();
  }

  /** As {@link #value}, but 0 when there is no such series yet (a counter not yet incremented). */
  public double valueOrZero(String name, String... labels) {
    List<Sample> found = matching(name, labels);
    if (found.size() > 1) {
      throw new AssertionError("expected at most one series " + name + " " + List.of(labels) + ", found " + found);
    }
    return found.isEmpty() ? 0 : found.get(0).value();
  }

  /** Every series of this metric name. */
  public List<Sample> series(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private List<Sample> matching(String name, String... labels) {
    if (labels.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name, value pairs");
    }
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> {
          for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
              return false;
            }
          }
          return true;
        })
        .toList();
  }
}
