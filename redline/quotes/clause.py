"""Content boundaries from the parse: a clause's character span, cut where the attributed words end.

Content stops before a parallel attribution hanging off it (", arguing that ...", "... and warned X to
..."), at a semicolon, before a trailing comma-set relative clause or apposition that the author adds
(", which ...", ", a former governor"), and at the end of the cue's paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CueLexicon
from .marks import RegionIndex

VERB_POS = frozenset({"VERB", "AUX"})
_PARALLEL_DEPS = frozenset({"advcl", "conj", "parataxis"})
_AFTERTHOUGHT_DEPS = frozenset({"relcl", "appos"})


def paragraph_clip(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """The span cut to the paragraph holding the cue: reported content never crosses a line break, even
    where the parser ran a sentence across one (headlines, datelines)."""
    first = text.rfind("\n", 0, anchor) + 1
    last = text.find("\n", anchor)
    return max(start, first), min(end, last if last >= 0 else len(text))


def conservative_end(doc: Doc, start: int, end: int, quoted: RegionIndex) -> tuple[int, int]:
    """The content without what the author adds after it: it stops at a semicolon, and before a trailing
    comma-set relative clause or apposition (", which ...", ", a former governor"), unless quoted."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return start, end
    for token in span:
        if quoted.at(token.idx) is not None:
            continue
        if token.text == ";" or (
            token.dep_ in _AFTERTHOUGHT_DEPS and token.i > span.start + 1 and token.right_edge.i >= span.end - 2
            and doc[token.left_edge.i - 1].text == ","
        ):
            return start, (token.idx if token.text == ";" else doc[token.left_edge.i - 1].idx)
    return start, end


def subtree_chars(token: Token) -> tuple[int, int]:
    """Character span of a token's subtree (it is contiguous in spaCy's projective parses)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last.text)


def child_with(token: Token, dep: str) -> Token | None:
    """The first child of the token with the dependency label."""
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


def _is_parallel_cue(token: Token, lexicon: CueLexicon) -> bool:
    """True for a cue verb hanging off the content that carries an attribution of its own: "..., arguing
    that ..." (advcl, parataxis), "... and warned X to ..." (a conjoined speech verb with its own clause)."""
    if token.dep_ not in _PARALLEL_DEPS or token.pos_ not in VERB_POS:
        return False
    lemma = token.lemma_.lower()
    if token.dep_ != "conj":
        return lemma in lexicon.verbs
    return lemma in lexicon.speech and any(child.dep_ in ("ccomp", "xcomp") for child in token.children)


def _cut_point(root: Token, lexicon: CueLexicon) -> int | None:
    """Index of the first token of a parallel clause hanging off the content's root, if any:
    "..., arguing that ...", "... and warned ...", "...; they ..." are attributions or text of their own."""
    for child in root.rights:
        if child.text == ";" or _is_parallel_cue(child, lexicon):
            i = child.left_edge.i
            while i - 1 > root.i and (root.doc[i - 1].is_punct or root.doc[i - 1].dep_ == "cc"):
                i -= 1
            return i
    return None


def content_chars(root: Token, lexicon: CueLexicon, first: Token | None = None) -> tuple[int, int]:
    """Character span of the content headed by `root` (from `first` when given), cut before a parallel clause."""
    start = (first or root).left_edge.idx
    cut = _cut_point(root, lexicon)
    if cut is not None and cut > root.i:
        last = root.doc[cut - 1]
        return start, last.idx + len(last.text)
    return start, subtree_chars(root)[1]
