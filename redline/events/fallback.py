"""A fall-back event for a sentence the rules code nothing in: its main clause, typed by the classifier.

The rules code an event only from a word their lexicon knows; a sentence about an event in other words
("Turkish jets pounded Kurdish positions") gets none. For such a sentence that mentions an article actor,
the clause it is about (its root verb, or through a reporting verb what was reported) becomes a
candidate event of type UNTYPED, its sides read like any rule event's. The learned classifier
(`learned.py`) then types it; it is kept only when the classifier's best type reaches the config's
`fallback_threshold` (`redline/data/events/model.yaml`), else dropped. Without the classifier there is
no fall-back.
"""

from __future__ import annotations

from bisect import bisect_left

from .lexicon import EventLexicon
from .tree import child, is_verbal
from .trigger import Trigger

UNTYPED = "UNTYPED"  # the type of a fall-back event until the classifier gives it one


def fallback_trigger(sent, lex: EventLexicon) -> Trigger | None:
    """The clause a sentence is about: its root verb, or through reporting verbs the clause they report
    ("officials said Turkish jets pounded ..." -> pounded); None when that is no verb."""
    verb = sent.root
    for _ in range(3):
        if verb.lemma_.lower() not in lex.reporting or verb.lemma_.lower() in lex.verbs:
            break
        reported = child(verb, "ccomp") or next((c for c in verb.children if c.dep_ == "conj" and is_verbal(c)), None)
        if reported is None:
            break
        verb = reported
    if not is_verbal(verb) or verb.lemma_.lower() in lex.reporting and verb.lemma_.lower() not in lex.verbs:
        return None
    return Trigger(UNTYPED, None, verb.i, verb.i)


def mention_starts(actors) -> list[int]:
    """The sorted start offsets of every actor mention of an article (for `mentions_actor`)."""
    found = getattr(actors, "actors", actors) or []
    return sorted(s for actor in found for s, _ in getattr(actor, "mentions", ()))


def mentions_actor(sent, starts: list[int]) -> bool:
    """True when some actor mention starts inside the sentence."""
    k = bisect_left(starts, sent.start_char)
    return k < len(starts) and starts[k] < sent.end_char
