"""A content's second possible end: the end of its sentence ("said the attention helped Clinton, who does
not need to ..."). PolNeAR's content often keeps what the parse's clause boundary cuts; the detector's
boundary model (`detector.Detector.extend`) decides, per kept candidate, which end it takes."""

from __future__ import annotations

from spacy.tokens import Doc

from .candidate import Candidate, trim
from .clause import paragraph_clip


def sentence_reading(doc: Doc, text: str, found: Candidate) -> None:
    """Note on the candidate (in place) where its content would end if it ran on to the end of its
    sentence, within the cue's paragraph, and the first word that adds; nothing when it adds none
    (`text` is `doc.text`, which spaCy rebuilds on every access)."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or not len(span) or span.end >= len(doc):
        return
    sent_end = span[-1].sent.end
    added = next((t for t in doc[span.end : sent_end] if not (t.is_punct or t.is_space)), None)
    if added is None:
        return
    last = doc[sent_end - 1]
    anchor = found.cue.start if found.cue is not None else found.start
    start, end = trim(text, *paragraph_clip(text, found.start, last.idx + len(last.text), anchor))
    if start == found.start and end > found.end:
        found.longer_end, found.added = end, added.i
