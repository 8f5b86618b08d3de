#!/usr/bin/env python3
"""10-fold cross-validation of a logistic regression on sentence embeddings of the pack's
phrases, alone and combined with the pack model's own out-of-fold probabilities.
  python3 combine.py WORK_DIR EMBEDDINGS.f32
Needs numpy. Stratified folds (seed 7, not the pack model's deal: each prediction still comes
from a model that never saw the phrase). `oos` phrases weigh 0.3, as in the pack's training.
The mixing weight is reported for three values and chosen on the same data, so the best
combined figure is optimistic."""
import sys
import numpy as np

work, embeddings = sys.argv[1], sys.argv[2]
labels = [line.split("\t", 1)[0] for line in open(f"{work}/pack.tsv", encoding="utf-8")]
classes = sorted(set(labels))
y = np.array([classes.index(label) for label in labels])
n, k = len(y), len(classes)

maxent = np.full((n, k), 1e-12)
for i, line in enumerate(open(f"{work}/maxent.tsv", encoding="utf-8")):
    for pair in line.split():
        label, p = pair.rsplit("=", 1)
        maxent[i, classes.index(label)] = float(p)

x = np.fromfile(embeddings, dtype=">f4").reshape(n, -1).astype(np.float64)
x /= np.linalg.norm(x, axis=1, keepdims=True)
x *= 30  # unit vectors scaled up so that 600 plain gradient steps converge
rng = np.random.default_rng(7)
fold = np.zeros(n, int)
for c in range(k):
    members = np.where(y == c)[0]
    rng.shuffle(members)
    fold[members] = np.arange(len(members)) % 10
weight = np.where(y == classes.index("oos"), 0.3, 1.0)

embedded = np.zeros((n, k))
for f in range(10):
    train, test = fold != f, fold == f
    xt, onehot, wt = x[train], np.eye(k)[y[train]], weight[train][:, None]
    w, b = np.zeros((x.shape[1], k)), np.zeros(k)
    for _ in range(600):
        z = xt @ w + b
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        g = (p - onehot) * wt
        w -= 0.5 * (xt.T @ g / len(xt) + 1e-4 * w)
        b -= 0.5 * g.sum(0) / len(xt)
    z = x[test] @ w + b
    p = np.exp(z - z.max(1, keepdims=True))
    embedded[test] = p / p.sum(1, keepdims=True)

def top1(p):
    return (p.argmax(1) == y).mean()

print(f"pack model alone                 {top1(maxent):.4f}")
print(f"embeddings + logistic regression {top1(embedded):.4f}")
for a in (0.3, 0.5, 0.7):
    mixed = a * np.log(maxent) + (1 - a) * np.log(embedded)
    print(f"both, geometric mean, pack weight {a}: {top1(mixed):.4f}")
