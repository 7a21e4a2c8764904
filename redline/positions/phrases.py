"""Multi-word cues ("a red line", "off the table", "draw the line at", "it is time for"): a compiled
phrase matcher per vocabulary, and how each phrase finds its issue."""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .finding import Finding
from .lexicon import Phrase, StanceLexicon
from .objects import expand, said_of
from .syntax import governing_verb, negation, subjects


def phrase_finding(sent: Span, span: Span, phrase: Phrase, lexicon: StanceLexicon) -> Finding | None:
    """A multi-word cue: "draw the line at X" takes the words after it; "a red line", "off the table" and
    "not negotiable" are said of something."""
    if phrase.stance is None:
        return None
    if phrase.role == "object":
        last = span[-1]
        objects = [c for c in last.children if c.dep_ in ("pobj", "pcomp")] or [t for t in sent if t.i >= span.end and t.dep_ == "pobj"][:1]
        verb = governing_verb(span[0])
        return Finding(phrase.stance, span.root, sent, subjects(verb), expand(objects, lexicon))
    stance = phrase.stance
    if negation(span.root, lexicon).negated and phrase.role == "noun":
        return None
    return said_of(sent, span.root, stance, lexicon)


@lru_cache(maxsize=4)
def _matcher(vocab_id: int, vocab) -> PhraseMatcher:
    """The compiled phrase matcher of the lexicon's multi-word cues for one vocabulary."""
    del vocab_id  # part of the cache key only
    from .lexicon import stance_lexicon

    matcher = PhraseMatcher(vocab, attr="LOWER")
    for n, phrase in enumerate(stance_lexicon().phrases):
        text = " ".join(phrase.words)
        forms = dict.fromkeys((text, text.replace("'", "’")))  # straight and curly apostrophes
        matcher.add(str(n), [_pattern(vocab, form) for form in forms])
    return matcher


def _pattern(vocab, text: str) -> Doc:
    """A pattern Doc for a phrase, split as the pipeline's tokenizer splits it ("non-negotiable")."""
    from redline.nlp import load_pipeline

    nlp = load_pipeline()
    if nlp.vocab is vocab:
        return nlp.make_doc(text)
    return Doc(vocab, words=text.split())


def phrase_hits(doc: Doc, lexicon: StanceLexicon) -> list[tuple[int, int, Phrase]]:
    """(start, end, phrase) of every multi-word cue in the document, longest first where they overlap."""
    matcher = _matcher(id(doc.vocab), doc.vocab)
    hits = sorted(((s, e, lexicon.phrases[int(doc.vocab.strings[m])]) for m, s, e in matcher(doc)), key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, Phrase]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept

