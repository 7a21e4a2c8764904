"""Threats whatever the wording, and non-events, read on the rules' events before they are typed.

- A threat sentence (a cue from `redline/data/events/threats.yaml`: "time is running out", "warning",
  "either ... or", "consider sending") turns its show of force into THREATEN (status kept: the armada is
  on its way) and each action that has not happened into THREATEN with status `threatened`; an
  "either ... or" alternative is never an AGREE or an offer.
- A floated deployment aimed at a party ("sending a second carrier toward Iran") is a threat with no cue.
- Non-events are dropped: an indefinite subject ("Something must be done"), a credit line ("Reuters
  contributed to this report"), an action in a free relative ("limits to what Iran can offer").
"""

from __future__ import annotations

from functools import lru_cache

from redline.datafiles import load_data_yaml

from .lexicon import EventLexicon
from .model import Event
from .words import DocWords, read_words

_UNHAPPENED = ("announced", "planned", "threatened", "hypothetical")


@lru_cache(maxsize=1)
def _config() -> dict:
    """The word lists of `redline/data/events/threats.yaml`, lists as frozensets."""
    data = load_data_yaml("events", "threats.yaml")
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


def is_non_event(word, anchor, content=None) -> bool:
    """True when a trigger's clause is no event: an indefinite subject, a credit line, a free relative."""
    cfg = _config()
    for tok in {word, anchor} | ({content} if content is not None and content.pos_ in ("VERB", "AUX") else set()):
        kids = list(tok.children)
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cfg["indefinite_subjects"] for c in kids):
            return True
        if tok.dep_ != "ROOT" and any(c.dep_ in ("dobj", "nsubj") and c.lower_ in cfg["free_relative_words"]
                                      for c in kids):
            return True
        if tok.lemma_.lower() in cfg["credit_verbs"] and any(
                t.lemma_.lower() in cfg["credit_objects"] for c in kids for t in [c, *c.children]):
            return True
    return False


def threat_sentence(sent, lex: EventLexicon, words: DocWords | None = None) -> tuple[bool, bool]:
    """Whether a sentence is a threat, and whether it poses an "either ... or" alternative. `words` (the
    Doc read once) spares reading each word's forms again."""
    cfg = _config()
    words = words if words is not None else read_words(sent.doc, lex)
    lowers = words.lowers[sent.start:sent.end]
    lemmas = words.lemmas[sent.start:sent.end]
    alternative = any(w in lex.status["alternative_marks"] for w in lowers) and "or" in lowers
    joined = " ".join(lemma for lemma, punct in zip(lemmas, words.punct[sent.start:sent.end]) if not punct)
    cued = alternative or any(p in joined for p in cfg["cue_phrases"]) or any(
        lemma in cfg["cue_lemmas"] for lemma in lemmas)
    return cued, alternative


def read_threat(event: Event, anchor, cued: bool, alternative: bool, lex: EventLexicon) -> None:
    """Recode one event of a sentence as a threat where its sentence or wording makes it one."""
    cfg = _config()
    if event.type == "THREATEN":
        return
    unhappened = event.status in _UNHAPPENED
    aimed = any(c.dep_ == "prep" and c.lower_ in cfg["aimed_prepositions"] for c in anchor.subtree)
    if cued and event.type in cfg["show_of_force"] and not unhappened:
        _threaten(event, event.status, lex)
    elif unhappened and (cued and event.type in cfg["threatened_actions"] or alternative):
        _threaten(event, "threatened", lex)
    elif unhappened and event.type in cfg["show_of_force"] and aimed and event.target:
        _threaten(event, "threatened", lex)


def _threaten(event: Event, status: str, lex: EventLexicon) -> None:
    """Make an event a threat of what it was."""
    event.mode = lex.threat_modes.get(event.type, event.mode)
    event.type = "THREATEN"
    event.status = status
