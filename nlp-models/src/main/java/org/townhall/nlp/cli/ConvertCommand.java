package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.townhall.nlp.benchmark.BenchmarkConverter;

/** {@code convert-benchmarks}: the benchmark data sets as JSONL splits. */
final class ConvertCommand {

  private final PrintStream out;

  ConvertCommand(PrintStream out, PrintStream err) {
    this.out = out;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of());
    args.allowOnly(Set.of("from", "to"));
    Path from = Path.of(args.option("from").orElse("../shared/datasets"));
    Path to = Path.of(args.option("to").orElse("benchmarks/data"));
    new BenchmarkConverter(from, to, out).convertAll();
    out.println("written to " + to.toAbsolutePath().normalize());
  }
}
