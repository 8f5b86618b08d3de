#!/usr/bin/env bash
# Measures what sentence-embedding models would add to the council pack's classifier (docs/nlu.md,
# "Sentence embeddings"). Not part of the build or the tests. From the repository root, after
# ./mvnw -B -ntp -q -DskipTests package; needs python3 with numpy; about 10 minutes on 2 cores.
#   benchmarks/experiments/sentence-embeddings/run.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=${1:-/tmp/townhall-sentence-embeddings}
jar="$root/nlp-models/target/nlp-models.jar"
mkdir -p "$work/classes"
"$root/mvnw" -B -ntp -q -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/lib"
javac -d "$work/classes" -cp "$work/lib/*:$jar" "$here/Embed.java" "$here/OutOfFold.java"
embed() { java -cp "$work/lib/*:$work/classes" Embed "$@" 2>/dev/null; }

echo "== cost per message, in process on this machine"
embed minilm latency
embed bge latency

echo "== sentence embeddings of each phrase, with and without the pack model (10-fold top-1)"
java -cp "$jar:$work/classes" OutOfFold "$work" 2>/dev/null
for model in minilm bge; do
  embed "$model" "$work/phrases.txt" "$work/phrases-$model.f32"
  python3 "$here/combine.py" "$work" "$work/phrases-$model.f32"
done

echo "== static word vectors distilled from bge-small, in place of the shipped GloVe vectors"
vectors=org/townhall/nlp/vectors/glove-en-100d.bin.gz
python3 "$here/words.py" "$root/nlp-models/src/main/resources/$vectors" > "$work/words.txt"
embed bge "$work/words.txt" "$work/words-bge.f32"
for dims in 100 256; do
  mkdir -p "$work/distilled-$dims/$(dirname $vectors)"
  python3 "$here/distill.py" "$work/words.txt" "$work/words-bge.f32" "$dims" \
      "$work/distilled-$dims/$vectors"
  for length in 2 4; do
    printf 'distilled %s dimensions, wordVectorLength=%s: ' "$dims" "$length"
    java -cp "$work/distilled-$dims:$jar" org.townhall.nlp.cli.NlpCli cross-validate --folds 10 \
        --seed 1 --json --set calibrationFolds=0 --set wordVectorLength=$length 2>/dev/null \
        | tail -1 | grep -o '"top1_accuracy":[0-9.]*'
  done
done
