#!/usr/bin/env bash
# Runs every benchmark of docs/benchmarks.md once, sequentially (2 cores: nothing in parallel),
# and keeps each run's full output under benchmarks/data/results/. Heavy: about 8 minutes.
# Not part of the test suite. Usage, from the repository root: benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=nlp-models/target/nlp-models.jar
data=benchmarks/data
out=$data/results
[ -f "$jar" ] || ./mvnw -B -ntp -q -pl nlp-models -DskipTests package
[ -f "$data/clinc150/test.jsonl" ] || benchmarks/convert.sh
mkdir -p "$out"

run() {
  local name=$1; shift
  echo "== $name: java -jar $jar $*" >&2
  java -jar "$jar" "$@" > "$out/$name.txt" 2> "$out/$name.err"
  tail -1 "$out/$name.txt"
}

settings="--settings benchmarks/benchmark-settings.properties"

run clinc150 evaluate $settings --train $data/clinc150/train.jsonl --val $data/clinc150/val.jsonl \
  --test $data/clinc150/test.jsonl --json --objective in-scope:0.925
run clinc150-oos-recall-0.6 evaluate $settings --train $data/clinc150/train.jsonl --val $data/clinc150/val.jsonl \
  --test $data/clinc150/test.jsonl --json
run clinc150-balanced evaluate $settings --train $data/clinc150/train.jsonl --val $data/clinc150/val.jsonl \
  --test $data/clinc150/test.jsonl --json --objective balanced
run banking77 evaluate $settings --train $data/banking77/train.jsonl --test $data/banking77/test.jsonl --json \
  --set calibrationFolds=0
run hwu64 evaluate $settings --train $data/hwu64/train.jsonl --test $data/hwu64/test.jsonl --json \
  --set calibrationFolds=0
run hwu64-20-epochs evaluate $settings --train $data/hwu64/train.jsonl --test $data/hwu64/test.jsonl \
  --json --set calibrationFolds=0 --set iterations=20
run council-cv cross-validate --folds 10 --tune --objective balanced --json
run council-holdout evaluate --test nlp-models/src/main/resources/org/townhall/nlp/pack/en/tests/holdout.jsonl --json
run council-holdout-blind evaluate --test benchmarks/council/holdout-blind.jsonl --json
run council-train train --out $out/council-model.bin
