"""Language identification of article text (py3langid; its model ships in the package)."""

from __future__ import annotations

from functools import lru_cache

_SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid module, imported on first use (its model takes about 0.5 s to load)."""
    import py3langid

    return py3langid


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS].strip()
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    code, _prob = _identifier().classify(sample)
    return code
