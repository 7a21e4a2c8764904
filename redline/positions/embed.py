"""Phrase embeddings: wordllama, loaded once per process from the weights shipped in its wheel (never
downloaded), and unit-length vectors so that a dot product is the cosine similarity."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np


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
        return np.zeros((0, 256), dtype=np.float32)
    vectors = np.asarray(load_model().embed(list(texts), norm=False), dtype=np.float32)
    # wordllama leaves an all-unknown text at zero; keep it at zero rather than dividing by it
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@lru_cache(maxsize=64)
def embed_fixed(texts: tuple[str, ...]) -> np.ndarray:
    """Embeddings of a fixed list (prototypes, profile terms), computed once per process."""
    return embed(list(texts))
