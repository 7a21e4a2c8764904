"""`find_quotes`: reported speech from the parse, quotations from the marks, reconciled into one list.

One pass over the tokens finds every cue with content; each quoted region is then either claimed by a
cue whose clause is the quotation (a direct quote), absorbed by a clause that also has unquoted words (a
mixed quote), tied to the tag beside it, read as the continuation of the previous quote ("...," he said.
"..."), or, when it reads as a sentence, kept with no speaker; scare quotes and titles are dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

from redline.doctable import doc_text

from .candidate import Candidate, trim
from .detector import SHIPPED, Detector, resolve
from .direct import cue_after, cue_before, looks_like_title, reads_as_speech, token_at
from .lexicon import CueLexicon, cue_lexicon
from .marks import QuotedRegion, RegionIndex, pair_marks
from .model import QuoteSpan
from .reported import cue_of_verb, reported_candidates
from .speaker import speaker_of, speaker_token

KEEP_UNATTRIBUTED = True  # a sentence-like quotation with no cue in reach is kept, with no speaker


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates whose cue is not inside another's content (PolNeAR, and we, keep no nesting)."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.start - c.end):
        cue = candidate.cue
        if cue is None or not any(k.start <= cue.start < k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _outside_words(doc: Doc, candidate: Candidate, index: RegionIndex) -> int:
    """How many words of the candidate's content lie outside every quotation."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return 0
    return sum(1 for token in span if not (token.is_punct or token.is_space) and index.at(token.idx) is None)


def _quotation(text: str, region: QuotedRegion, like: Candidate) -> Candidate:
    """A direct quote over the region, with the cue and speaker of `like`."""
    start, end = trim(text, region.start, region.end, keep_period=True)
    return Candidate(start, end, cue=like.cue, speaker=like.speaker, direct=True)


class _Reconciler:
    """Assigns each quoted region to at most one attribution."""

    def __init__(self, doc: Doc, lexicon: CueLexicon) -> None:
        self.doc, self.text, self.lexicon = doc, doc_text(doc), lexicon
        self.index = RegionIndex(pair_marks(self.text))
        self.taken: set[QuotedRegion] = set()
        self.found: list[Candidate] = []

    def claim(self, candidate: Candidate) -> None:
        """Keep a reported candidate, turning it into a direct or mixed quote when it covers quotations."""
        regions = [r for r in self.index.overlapping(candidate.start, candidate.end) if r not in self.taken]
        if not regions:
            self.found.append(candidate)
            return
        self.taken.update(regions)
        if _outside_words(self.doc, candidate, self.index) == 0:
            self.found.extend(_quotation(self.text, region, candidate) for region in regions)
            return
        candidate.start = min(candidate.start, regions[0].open_mark)
        candidate.end = max(candidate.end, regions[-1].close_end)
        candidate.direct = not all(looks_like_title(self.text, region) for region in regions)
        self.found.append(candidate)

    def tag(self, region: QuotedRegion) -> bool:
        """Tie an unclaimed region to the speech verb beside it; True when one is found."""
        if looks_like_title(self.text, region):
            return False
        verb = cue_after(self.doc, region, self.lexicon) or cue_before(self.doc, region, self.lexicon)
        if verb is None:
            return False
        who = speaker_token(verb, self.lexicon)
        cue = cue_of_verb(verb, verb.lemma_.lower())
        like = Candidate(0, 0, cue=cue, speaker=speaker_of(who))
        self.found.append(_quotation(self.text, region, like))
        self.taken.add(region)
        return True

    def continue_or_keep(self, region: QuotedRegion) -> None:
        """A region with no tag: the previous quote's continuation ('"A," she said, "B."' or a next
        sentence or paragraph that is all quotation), kept unattributed, or dropped as a scare quote."""
        before = [c for c in self.found if c.end <= region.open_mark and c.cue is not None]
        previous = max(before, key=lambda c: c.end, default=None)
        if previous is not None and previous.direct and self._same_sentence(previous, region):
            self.found.append(_quotation(self.text, region, previous))
            return
        if not reads_as_speech(self.text, region):
            return
        # a quotation continues the last quotation in reach, over any paraphrase in between
        quoted = [c for c in before if c.direct and self._within_reach(c, region)]
        previous = max(quoted, key=lambda c: c.end, default=previous)
        if previous is not None and self._within_reach(previous, region):
            self.found.append(_quotation(self.text, region, previous))
        elif KEEP_UNATTRIBUTED:
            self.found.append(_quotation(self.text, region, Candidate(0, 0, cue=None, speaker=None)))

    def _same_sentence(self, previous: Candidate, region: QuotedRegion) -> bool:
        """True when the region opens in the sentence of the previous quote's cue, after the cue."""
        cue = previous.cue
        if cue is None or cue.start > region.open_mark:
            return False
        opening = self.doc[token_at(self.doc, region.open_mark)] if region.open_mark < len(self.text) else None
        return opening is not None and opening.sent.start == self.doc[cue.token].sent.start

    def _within_reach(self, previous: Candidate, region: QuotedRegion) -> bool:
        """True when no whole paragraph lies between the previous quote and the region."""
        between = self.text[previous.end : region.open_mark]
        return len([line for line in between.split("\n")[1:-1] if line.strip()]) == 0


def find_quotes(doc: Doc, *, detector: Detector | str = SHIPPED) -> list[QuoteSpan]:
    """Every attribution in a parsed article: content, cue and speaker spans, in text order.

    `detector` picks the reported-speech candidates: the shipped learned detector (SHIPPED, the default;
    the rules alone when the package ships none), RULES_ONLY, or a `Detector`.
    """
    lexicon = cue_lexicon()
    work = _Reconciler(doc, lexicon)
    model = resolve(detector)
    broad = model.broad_tokens(doc) if model is not None else False
    candidates = list(reported_candidates(doc, work.text, lexicon, work.index, broad=broad))
    if model is not None:
        candidates = model.select(doc, candidates, work.text)
    for candidate in _outermost(candidates):
        work.claim(candidate)
    loose = [region for region in work.index.regions if region not in work.taken and not work.tag(region)]
    for region in loose:
        work.continue_or_keep(region)
    spans = {(c.start, c.end, c.cue.start if c.cue else None): c for c in work.found if c.end > c.start}
    return [c.span(work.text) for c in sorted(spans.values(), key=lambda c: (c.start, c.end))]
