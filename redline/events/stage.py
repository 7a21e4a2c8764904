"""The "events" pipeline stage: a parsed article and its actors in, PLOVER-coded events out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from redline.stages import StageContext, stage

from .dates import event_date
from .find import find_triggers
from .groups import Participant
from .fallback import UNTYPED, fallback_trigger, mention_starts, mentions_actor
from .learned import Coded, config, shipped_model
from .lexicon import event_lexicon
from .model import Event
from .phrases import phrase_targets
from .places import is_mediated, location, mediator_from_place, mediator_phrases
from .rolechoice import RoleModel, choose_roles, shipped_roles
from .roles import Resolver, Roles, read_roles
from .status import read_status
from .threats import is_non_event, read_threat, threat_sentence
from .tree import is_verbal, prep_objects
from .trigger import Trigger
from .words import read_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from redline.actors import ActorDictionary, ActorIndex

# A stated place is the target when the text names no other ("demonstrated in Serbia", "imposed a curfew
# in the town of Cizre", "arrived in Amman on a visit"), as in CAMEO and PLOVER coding practice; not for
# talks held somewhere (the venue of a meeting is no party to it) unless they are a visit.


@lru_cache(maxsize=1)
def _dictionary() -> ActorDictionary | None:
    """The actor dictionary (for naming group phrases), or None when it cannot be loaded."""
    try:
        from redline.actors import ActorDictionary

        return ActorDictionary.load()
    except Exception:  # the coder still works on the actor index alone
        return None


def code_events(doc, actors, *, published: str | None = None, dictionary=None,
                learned: bool = True) -> list[Event]:
    """The events of a parsed article, coded in PLOVER v2, each with its evidence sentence.

    `actors` is the actor stage's `ActorIndex` (a plain list of actors also works, matched by overlap);
    `published` (ISO date) anchors relative dates. Events inside quotations are coded like any other, their
    status read from the words. The rules find each
    event; unless `learned` is False, the shipped classifier (`learned.py`) gives its type, and types or
    drops the fall-back event of a sentence the rules code nothing in (`fallback.py`), and the shipped
    role model (`rolechoice.py`) chooses its source and target among the sentence's phrases.
    """
    model = shipped_model() if learned else None
    sure = (lambda d, coded: [t is not None for t in model.types(d, coded)]) if (
        model is not None and config()["fallback"]) else None
    found = rule_events(doc, actors, published=published, dictionary=dictionary, fallback=sure,
                        roles=shipped_roles() if learned else None)
    if model is not None:
        types = model.types(doc, [Coded(f.trigger, f.event.type, f.event.status, f.event.negated, f.sentence)
                                 for f in found])
        for f, type_ in zip(found, types):
            f.event.type = type_
        found = [f for f in found if f.event.type is not None]  # a fall-back the classifier is unsure of
    events: list[Event] = []
    seen: set[tuple] = set()
    for f in found:
        event = f.event
        key = (event.type, event.status, event.negated, tuple(event.source), tuple(event.target), event.start)
        if key not in seen:
            seen.add(key)
            events.append(event)
    return events


@dataclass(slots=True)
class Found:
    """An event as the rules coded it, with the trigger it was read from (for the learned classifier)."""

    trigger: Trigger
    event: Event
    sentence: tuple[int, int] | None = None  # token bounds of the sentence it was read in
    fallback: bool = False  # a sentence's main clause, coded UNTYPED for want of a rule event


def rule_events(doc, actors, *, published: str | None = None, dictionary=None,
                fallback: Callable[[object, list[Coded]], list[bool]] | None = None,
                roles: RoleModel | None = None) -> list[Found]:
    """Every event the rules code in a parsed article, in sentence order, main clause first. With
    `fallback`, a sentence where they code nothing but which mentions an actor offers its main clause as
    an UNTYPED event (`fallback.py`); those `fallback(doc, coded)` accepts (one call per article: the
    stage asks the classifier, so an unsure clause costs no role reading) are built like rule events.
    With `roles`, that model chooses each event's sides from the rules' (`rolechoice.py`)."""
    lex = event_lexicon()
    resolver = Resolver(_index(actors), dictionary or _dictionary(), lex)
    chooser = _Chooser(roles, {})
    found: list[Found] = []
    words = read_words(doc, lex)
    starts = mention_starts(actors) if fallback is not None else []
    offered: list[tuple[Coded, object]] = []
    for sent in doc.sents:
        before = len(found)
        if words.candidate[sent.start:sent.end].any():
            _sentence_events(sent, doc, resolver, published, words, found, chooser)
        if fallback is not None and len(found) == before and mentions_actor(sent, starts):
            trigger = fallback_trigger(sent, lex)
            if trigger is not None:
                status = read_status(trigger, doc, lex)
                offered.append((Coded(trigger, UNTYPED, status.status, status.negated, (sent.start, sent.end)), sent))
    if offered:
        accepted = fallback(doc, [c for c, _ in offered])
        for (coded, sent), ok in zip(offered, accepted):
            event = build_event(coded.trigger, doc, sent, resolver, published, chooser) if ok else None
            if event is not None:
                found.append(Found(coded.trigger, event, coded.sentence, fallback=True))
        found.sort(key=lambda f: f.sentence[0])  # stable: each sentence's events keep their order
    return found


def every_fallback(doc, coded: list[Coded]) -> list[bool]:
    """Accept every fall-back clause (training and evaluation type them afterwards)."""
    return [True] * len(coded)


@dataclass(slots=True)
class _Chooser:
    """The role model (None: the rules' sides stand) and the article's phrase cache it reads."""

    model: RoleModel | None
    phrases: dict  # token index -> the participants its phrase names, shared by an article's events


def _sentence_events(sent, doc, resolver: Resolver, published: str | None, words, found: list[Found],
                     chooser: _Chooser | None = None) -> None:
    """The rule events of one sentence, appended to `found`."""
    lex = resolver.lex
    triggers = find_triggers(sent, lex, words)
    cued, alternative = threat_sentence(sent, lex, words) if triggers else (False, False)
    for trigger in triggers:
        content = doc[trigger.content] if trigger.content is not None else None
        if is_non_event(doc[trigger.word], doc[trigger.anchor], content):
            continue
        event = build_event(trigger, doc, sent, resolver, published, chooser)
        if event is not None:
            read_threat(event, doc[trigger.anchor], cued, alternative, lex)
            found.append(Found(trigger, event, (sent.start, sent.end)))


def _index(actors) -> ActorIndex | None:
    """An actor index from what the caller has: the index itself, a list of actors, or None."""
    if actors is None or hasattr(actors, "at"):
        return actors
    from redline.actors import ActorIndex

    return ActorIndex(list(actors))


def build_event(trigger: Trigger, doc, sent, resolver: Resolver, published: str | None,
                chooser: _Chooser | None = None) -> Event | None:
    """One event from a trigger, or None when the text names no side of it; with a role model in
    `chooser`, its sides are the model's choice from the rules' (`rolechoice.py`)."""
    lex = resolver.lex
    word, anchor = doc[trigger.word], doc[trigger.anchor]
    roles = read_roles(trigger, doc, resolver)
    content = doc[trigger.content] if trigger.content is not None else next(
        (c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")), None)
    place = location(word, anchor, _places(resolver), content)
    place_actor = _place_participant(place, resolver)
    mediator, mode = None, trigger.mode
    if trigger.type == "CONSULT" and is_mediated(word, anchor, lex):
        mediator = _mediate(trigger, doc, resolver, roles, place_actor)
        if mediator is not None and all(p.key != mediator.key for p in roles.source + roles.target):
            mode = "third-party"  # PLOVER CONSULT mode: a meeting hosted by a third party
    venue = trigger.type == "CONSULT" and trigger.mode != "visit"
    if not roles.target and place_actor is not None and not venue and mediator is None:
        if roles.source and all(p.country != place_actor.country for p in roles.source if trigger.type == "CONSULT"):
            if all(p.key != place_actor.key for p in roles.source) and len(roles.source) < 2:
                roles.target = [place_actor]
    if not _identified(roles) and mediator is None:
        return None  # no side the text identifies ("around 610 people", "the preconditions")
    if not roles.target and not trigger.noun and mediator is None:
        roles.target = phrase_targets([v for v in (word, content, anchor) if v is not None], lex)
    if chooser is not None and chooser.model is not None and mediator is None:  # brokered talks: the parties are read by rule
        roles.source, roles.target = choose_roles(chooser.model, doc, sent, trigger, trigger.type, resolver,
                                                  roles.source, roles.target, chooser.phrases)
    status = read_status(trigger, doc, lex)
    heads = [anchor] if not trigger.noun else [anchor, _governor(word)]
    date = None
    for head in heads:
        if head is not None and date is None:
            date = event_date(word, head, published, status.status in ("announced", "planned"), lex)
    return Event(
        type=trigger.type, mode=mode,
        source=[p.name for p in roles.source], source_country=[p.country for p in roles.source],
        target=[p.name for p in roles.target], target_country=[p.country for p in roles.target],
        date=date, status=status.status, negated=status.negated,
        mediated_by=mediator.name if mediator is not None else None,
        location=place.text if place is not None else None,
        text=sent.text, start=sent.start_char, end=sent.end_char,
        source_sector=[p.sector for p in roles.source], target_sector=[p.sector for p in roles.target],
    )


def _identified(roles: Roles) -> bool:
    """True when some side is an actor or has a country, or the source is a group with a sector."""
    return any(p.actor or p.country for p in roles.source + roles.target) or any(p.sector for p in roles.source)


def _places(resolver: Resolver) -> frozenset[str]:
    """Prepositions whose object is a place: the actor lexicon's, else a small default."""
    words = getattr(getattr(resolver.dictionary, "lexicon", None), "place_prepositions", None)
    return frozenset(words) if words else resolver.lex.grammar["place_prepositions"]


def _place_participant(place, resolver: Resolver) -> Participant | None:
    """The actor a place entity names ("Oman"), or None."""
    if place is None:
        return None
    found = resolver.phrase(place.root)
    if len(found) == 1 and found[0].country:
        return found[0]
    dictionary = resolver.dictionary  # a capital after "in" is a place to the actor stage, not an actor
    for surface in (dictionary.surfaces.get(place.text, ()) if dictionary is not None else ()):
        if surface.entry is not None and surface.entry.country:
            return Participant(place.text, surface.entry.country, None)
    return None


def _governor(word) -> Token | None:
    """The verb an event noun depends on ("talks ... failed"), for its date."""
    return next((a for a in word.ancestors if is_verbal(a)), None)


def _mediate(trigger: Trigger, doc, resolver: Resolver, roles: Roles, place: Participant | None) -> Participant | None:
    """The mediator of brokered talks; when the broker is the clause's subject and the talks name their
    parties ("X mediated talks between A and B"), the parties become the sources."""
    word, anchor = doc[trigger.word], doc[trigger.anchor]
    named = [p for tok in mediator_phrases(word, anchor, resolver.lex) for p in resolver.phrase(tok)]
    if named:
        mediator = named[0]
        parties = _parties(trigger, doc, resolver)
        if parties and all(p.key != mediator.key for p in parties) and not trigger.noun:
            roles.source, roles.target = parties, [p for p in roles.target if p not in parties]
        if all(p.key == mediator.key for p in roles.source) and roles.source:
            roles.source = []  # "the talks were brokered by Egypt": Egypt is the broker, not a party
        return mediator
    return mediator_from_place(place, roles.source + roles.target)


def _parties(trigger: Trigger, doc, resolver: Resolver) -> list[Participant]:
    """The parties of talks named by "between A and B" on the trigger's content or object."""
    tokens = [doc[trigger.word]]
    if trigger.content is not None:
        tokens.append(doc[trigger.content])
    tokens += [c for c in doc[trigger.anchor].children if c.dep_ == "dobj"]
    for tok in tokens:
        both = prep_objects(tok, resolver.lex.reciprocal_prepositions)
        if both:
            found: list[Participant] = []
            for p in (p for t in both for p in resolver.phrase(t)):
                if all(p.key != q.key for q in found):
                    found.append(p)
            return found
    return []



@stage("events", requires=("Doc", "Article.actors", "Article.published"), assigns=("Article.events",))
def events_stage(doc, ctx: StageContext) -> list[Event]:
    """Code the events of a parsed article in PLOVER v2, each with its evidence sentence."""
    return code_events(doc, ctx.actors, published=ctx.published)
