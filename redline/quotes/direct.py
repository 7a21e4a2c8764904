"""Direct quotes: a quoted region tied to the cue in the tag next to it ("...," said X / X said: "...").

The parse usually links the quotation to its cue (see `reported`); this module is the fallback for the
tags the parse gets wrong, and decides which unclaimed regions read as speech at all.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import CueLexicon
from .marks import QuotedRegion

_TAG_WINDOW = 12  # tokens a tag may run after the closing mark: "President Trump told the US site Axios on Tuesday"
_LEAD_WINDOW = 6  # tokens between a cue and the opening mark: "X told reporters on Tuesday: “...”"
_TAG_ENDS = frozenset({".", "!", "?", ";"})
_WEAK_DEPS = frozenset({"acl", "relcl", "amod", "advcl"})  # "Hashem, reporting from Tehran, said": not the cue
_LEAD_LINKS = frozenset({":", ",", "that"})
_MIN_SENTENCE_WORDS = 3
_TITLE_SHARE = 0.6  # "The Art of the Deal": 3 of 5 words capitalised
_SENTENCE_STOPS = frozenset(".!?")
_SENTENCE_BEFORE = frozenset("\n.!?:")
_SENTENCE_END = frozenset(".!?…,—-'’")  # "," too: '"A," he said. "B,"' continues a sentence that the tag split
_QUOTE_ENDS = frozenset(a + b for a in ".!?," for b in "”\"")


def token_at(doc: Doc, pos: int) -> int:
    """Index of the token holding character offset `pos` (the nearest one after it when it is a gap)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _is_cue_verb(token: Token, lexicon: CueLexicon) -> bool:
    """True for a verb whose lemma is a speech cue."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in lexicon.speech or lemma in lexicon.object_speaker


def _breaks_tag(token: Token) -> bool:
    """True where a tag after a quotation must end: sentence punctuation, a paragraph, another quotation."""
    return token.text in _TAG_ENDS or ("\n" in token.text and token.is_space) or token.is_quote


def _tag_may_follow(doc: Doc, region: QuotedRegion, first: int) -> bool:
    """False when the quotation closed its sentence ("... end.” Next ..."): no tag can follow it, except
    after a question or exclamation that the parse keeps in one sentence with the tag ("Why?” he asked.)."""
    mark = token_at(doc, region.close_mark)
    inner = doc[mark - 1].text[-1:] if mark > 0 else ""
    if inner[-1:] == ".":
        return False
    if inner[-1:] in ("?", "!"):
        return first < len(doc) and not doc[first].is_sent_start
    return True


def cue_after(doc: Doc, region: QuotedRegion, lexicon: CueLexicon) -> Token | None:
    """The speech verb in the tag right after the closing mark ("...," said Akbari / he said), or None."""
    first = token_at(doc, region.close_end - 1) + 1
    if not _tag_may_follow(doc, region, first):
        return None
    found: list[Token] = []
    for token in doc[first : first + _TAG_WINDOW]:
        if _breaks_tag(token):
            break
        if _is_cue_verb(token, lexicon):
            found.append(token)
    strong = [token for token in found if token.dep_ not in _WEAK_DEPS]
    return (strong or found or [None])[0]


def cue_before(doc: Doc, region: QuotedRegion, lexicon: CueLexicon) -> Token | None:
    """The speech verb that introduces the quotation ("X said: “...”", "X told reporters, “...”"), or None."""
    mark = token_at(doc, region.open_mark)
    i = mark - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i < 0 or doc[i].is_space:
        return None
    link = doc[i]
    for token in reversed(doc[max(i - _LEAD_WINDOW, 0) : i + 1]):
        if _breaks_tag(token) and token.i != link.i:
            return None
        if _is_cue_verb(token, lexicon) and (token.i == link.i or link.text in _LEAD_LINKS or link.head.i == token.i):
            return token
    return None


def reads_as_speech(text: str, region: QuotedRegion) -> bool:
    """True for a quotation that stands as its own sentence: it starts one, with a capital, and ends with
    sentence punctuation (a scare-quoted phrase, a title or a quoted headline does not)."""
    before = text[max(region.open_mark - 3, 0) : region.open_mark].rstrip(" \t\u00a0")
    opens_sentence = not before or before[-1] in _SENTENCE_BEFORE or before[-2:] in _QUOTE_ENDS
    inner = text[region.start : region.end].rstrip()
    return (
        opens_sentence
        and inner[:1].isupper()
        and inner[-1:] in _SENTENCE_END
        and len(inner.split()) >= _MIN_SENTENCE_WORDS
    )


def looks_like_title(text: str, region: QuotedRegion) -> bool:
    """True for a quoted name of a work or show ("Meet the Press", "The Art of the Deal"): two words or
    more, mostly capitalised, not ending a sentence; such marks name a title, not speech."""
    words = text[region.start : region.end].rstrip(" ,").split()
    if len(words) < 2 or words[-1][-1:] in _SENTENCE_STOPS or not words[0][:1].isupper():
        return False
    return sum(word[:1].isupper() for word in words) >= _TITLE_SHARE * len(words)
