#!/usr/bin/env bash
# Runs the NLP.js peer (../shared/peers/nlpjs) on the same splits, in a copy under /tmp because
# shared/ is read-only. Needs Node 20+ and npm. Usage, from the repository root:
#   benchmarks/peer-nlpjs.sh [clinc150 banking77 hwu64]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd ../shared && pwd)"
work=/tmp/townhall-nlpjs-peer
rm -rf "$work" && cp -r "$shared/peers/nlpjs" "$work"
(cd "$work" && npm ci --no-audit --no-fund)
mkdir -p benchmarks/data/results
for dataset in "${@:-clinc150 banking77 hwu64}"; do
  for d in $dataset; do
    echo "== nlpjs $d" >&2
    node "$work/bench.js" --dataset "$d" --data-dir "$shared/datasets" \
      > "benchmarks/data/results/nlpjs-$d.txt" 2> "benchmarks/data/results/nlpjs-$d.err"
    tail -1 "benchmarks/data/results/nlpjs-$d.txt"
  done
done
