"""A content's second possible end: the end of its sentence ("said the attention helped Clinton, who does
not need to ..."). PolNeAR's content often keeps what the parse's clause boundary cuts; the detector's
boundary model (`detector.Detector.extend`) decides, per kept candidate, which end it takes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc

from .candidate import Candidate, trim
from .clause import paragraph_clip


@dataclass(frozen=True, slots=True)
class Sentences:
    """What `sentence_reading` needs of a doc, read once as arrays: each token's offset, the index just
    past its sentence's last token, and whether it is a word (not punctuation or space)."""

    starts: np.ndarray
    ends: np.ndarray
    words: np.ndarray

    @classmethod
    def of(cls, doc: Doc) -> "Sentences":
        """The arrays of one doc."""
        table = doc.to_array([IDX, SENT_START, IS_PUNCT, IS_SPACE]).reshape(len(doc), 4)
        first = np.flatnonzero(table[:, 1] == 1)
        bounds = np.append(first[first > 0], len(doc))  # where each sentence after the first starts, and the end
        ends = bounds[np.searchsorted(bounds, np.arange(len(doc)), side="right")]
        return cls(table[:, 0].astype(np.int64), ends, (table[:, 2] == 0) & (table[:, 3] == 0))


def sentence_reading(doc: Doc, text: str, found: Candidate, sentences: Sentences | None = None) -> None:
    """Note on the candidate (in place) where its content would end if it ran on to the end of its
    sentence, within the cue's paragraph, and the first word that adds; nothing when it adds none
    (`text` is `doc.text`, which spaCy rebuilds on every access; `sentences` the doc's arrays, when
    the caller reads several candidates)."""
    if found.end <= found.start or not len(doc):
        return
    sentences = sentences or Sentences.of(doc)
    last = int(np.searchsorted(sentences.starts, found.end - 1, side="right")) - 1  # the content's last token
    if last < 0 or last + 1 >= len(doc):
        return
    sent_end = int(sentences.ends[last])
    added = np.flatnonzero(sentences.words[last + 1 : sent_end])
    if not len(added):
        return
    final = doc[sent_end - 1]
    anchor = found.cue.start if found.cue is not None else found.start
    start, end = trim(text, *paragraph_clip(text, found.start, final.idx + len(final.text), anchor))
    if start == found.start and end > found.end:
        found.longer_end, found.added = end, last + 1 + int(added[0])
