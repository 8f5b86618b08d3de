#!/usr/bin/env python3
"""Lists the words of nlp-models' word-vector file, in its (frequency) order.
  python3 words.py VECTORS.bin.gz > words.txt"""
import gzip, struct, sys

with gzip.open(sys.argv[1], "rb") as f:
    assert f.read(4) == b"THWV"
    _, count, dims = struct.unpack(">iii", f.read(12))
    for _ in range(count):
        (length,) = struct.unpack(">H", f.read(2))
        print(f.read(length).decode("utf-8"))
        f.read(4 + dims)
