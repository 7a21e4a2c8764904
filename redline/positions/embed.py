"""Phrase embeddings: wordllama, loaded once per process from the weights shipped in its wheel (never
downloaded), and unit-length vectors so that a dot product is the cosine similarity."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np


WIDTH = 256  # wordllama's embedding width


class EmbeddingsUnavailable(RuntimeError):
    """Raised when the wordllama package or its shipped weights are missing."""


@lru_cache(maxsize=1)
def load_model():
    """The wordllama model, from the package folder, with downloads disabled."""
    # A batch is one article's sentences: the tokenizer's worker threads cost more CPU than they save on
    # so few (embedding 40 Guardian sentences: 5.1 ms CPU without them, 5.8-6.1 with). A user's setting is kept.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise EmbeddingsUnavailable("wordllama is not installed (pip install wordllama)") from err
    try:
        return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except FileNotFoundError as err:  # pragma: no cover - the wheel ships the weights
        raise EmbeddingsUnavailable(f"wordllama weights not found in its package: {err}") from err


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors for the texts, one row each, in one batched call (an empty list gives a 0-row array)."""
    if not texts:
        return np.zeros((0, WIDTH), dtype=np.float32)
    vectors = np.asarray(load_model().embed(list(texts), norm=False), dtype=np.float32)
    # wordllama leaves an all-unknown text at zero; keep it at zero rather than dividing by it
    return unit_rows(vectors)


@lru_cache(maxsize=64)
def embed_fixed(texts: tuple[str, ...]) -> np.ndarray:
    """Embeddings of a fixed list (prototypes, profile terms), computed once per process."""
    return embed(list(texts))


class WordSums:
    """Each word's wordllama token vectors summed, kept per process and looked up by spaCy's hash of the word
    (its ORTH or LOWER id): an article's sentences and clauses share their words, so each word is tokenised
    once, and a text's vector is the sum of its words' rows (wordllama adds no special tokens and marks each
    word's start, so a text's tokens are its words' tokens one after another)."""

    limit = 200_000  # words kept before the table starts afresh (a long batch meets new words forever)

    def __init__(self) -> None:
        self.row: dict[int, int] = {}
        self.lock = threading.Lock()
        self.table = np.zeros((1024, WIDTH), dtype=np.float32)

    def rows(self, keys: list[int], strings) -> np.ndarray:
        """The rows of the words with these hashes (`strings` maps a hash to its text), in order."""
        with self.lock:  # a threaded server or scheduler may annotate two articles at once
            new = [k for k in dict.fromkeys(keys) if k not in self.row]
            if new:
                if len(self.row) + len(new) > self.limit:
                    self.row.clear()
                    new = list(dict.fromkeys(keys))
                self._add(new, [strings[k] for k in new])
            return self.table[np.fromiter((self.row[k] for k in keys), dtype=np.int64, count=len(keys))]

    def _add(self, keys: list[int], words: list[str]) -> None:
        """Tokenise the new words and store their sums, growing the table by doubling."""
        model = load_model()
        last = model.embedding.shape[0] - 1
        need = len(self.row) + len(keys)
        if need > len(self.table):
            grown = np.zeros((max(need, 2 * len(self.table)), self.table.shape[1]), dtype=np.float32)
            grown[:len(self.table)] = self.table
            self.table = grown
        for key, encoded in zip(keys, model.tokenize(words)):
            ids = np.clip(np.array([i for i, m in zip(encoded.ids, encoded.attention_mask) if m], dtype=np.int64),
                          0, last)
            position = len(self.row)
            self.table[position] = model.embedding[ids].sum(axis=0, dtype=np.float32)
            self.row[key] = position


WORD_SUMS = WordSums()


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """The rows scaled to unit length, a zero row left at zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
