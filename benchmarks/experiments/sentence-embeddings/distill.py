#!/usr/bin/env python3
"""Static word vectors distilled from a sentence-embedding model, in nlp-models' word-vector
format, as Model2Vec does: each of the shipped file's 50,000 words embedded alone, centred,
reduced by PCA, stored in the same frequency order (the reader weighs words by rank).
  python3 distill.py WORDS.txt WORDS.f32 DIMENSIONS OUT.bin.gz
Needs numpy."""
import gzip, struct, sys
import numpy as np

words = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
x = np.fromfile(sys.argv[2], dtype=">f4").reshape(len(words), -1).astype(np.float64)
dims, out = int(sys.argv[3]), sys.argv[4]
x -= x.mean(0)
if dims < x.shape[1]:
    x = x @ np.linalg.svd(x, full_matrices=False)[2][:dims].T
with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
    f.write(b"THWV" + struct.pack(">iii", 1, len(words), x.shape[1]))
    for word, v in zip(words, x):
        scale = float(np.abs(v).max() / 127) or 1.0
        encoded = word.encode("utf-8")
        f.write(struct.pack(">H", len(encoded)) + encoded + struct.pack(">f", scale))
        f.write(np.clip(np.round(v / scale), -127, 127).astype(np.int8).tobytes())
print("wrote", len(words), "words of", x.shape[1], "dimensions to", out)
