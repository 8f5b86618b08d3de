#!/usr/bin/env bash
# Converts ../shared/datasets (CLINC150, BANKING77, HWU64) into JSONL splits under
# benchmarks/data/ (git-ignored). Reads the data sets without changing them and checks their
# published SHA-256 first. Usage, from the repository root: benchmarks/convert.sh [DATASETS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
datasets="${1:-../shared/datasets}"
if [ ! -f nlp-models/target/nlp-models.jar ]; then
  ./mvnw -B -ntp -q -pl nlp-models -DskipTests package
fi
java -jar nlp-models/target/nlp-models.jar convert-benchmarks --from "$datasets" --to benchmarks/data
