"""What a verb's clause means: the readings of reporting, intent, content, light, reverse, motion and
speech verbs, each from the verb, its complement and its object (see find.py for the order of use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from redline.datafiles import word_set

from .lexicon import EventLexicon, Sense
from .nouns import head_lemmas, noun_sense, prep_event_noun
from .tree import child, children, is_passive, is_verbal, verb_key
from .trigger import Reading

OBLIGATION_MODALS = word_set("modals.obligation")  # "Libya must hand over"
TROOP_NOUNS = word_set("nouns.troops")  # "sent troops": a troop mobilisation

if TYPE_CHECKING:
    from spacy.tokens import Token


def read_clause(tok, lex: EventLexicon) -> Reading | None:
    """What a verb (or intent adjective) means with its complement and object, or None for no event."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" and lemma in lex.intent_adjectives:
        return _intent(tok, lex, Sense("AGREE", None))
    if not is_verbal(tok) or tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG"):
        return None  # "mediated talks": an adjectival participle modifies an event, it is not one
    key = verb_key(tok, lex.verb_phrases, lex.verb_words, lex.grammar["phrasal_prepositions"])
    if key not in lex.verb_words:
        return None  # no table lists it: every reading below needs a listed key
    obj = _theme(tok)
    obj_sense = noun_sense(obj, lex) if obj is not None else None
    for reader in (_reverse, _accept, _open):
        found = reader(tok, key, obj, obj_sense, lex)
        if found is not None:
            return found
    if key in lex.reporting and key not in lex.verbs:
        return _reported(tok, key, obj, obj_sense, lex)
    if key in lex.intent_verbs and not (key in lex.content_verbs and obj_sense is not None):
        return _intent(tok, lex, lex.verbs.get(key))
    if key == "protest":
        return _protest(tok, lex)
    if key in lex.content_verbs:
        if key in lex.light_verbs and obj_sense is not None:
            return Reading(obj_sense, tok.i, obj.i)
        return _content(tok, key, lex)
    if key in lex.light_verbs and key not in lex.verbs:
        return _light(tok, obj, obj_sense, lex)
    if key in lex.motion_verbs or key in lex.transfer_verbs:
        found = _motion(tok, key, obj, lex)
        if found is not None or key not in lex.verbs:
            return found
    if key in lex.speech_consult:
        return _speech(tok, lex)
    sense = lex.verbs.get(key)
    return Reading(sense, tok.i) if sense is not None else None


def _theme(tok) -> Token | None:
    """The verb's object noun: its direct object, its passive subject, or the noun it wrongly modifies
    ("threatened military action" parsed as an adjective)."""
    obj = child(tok, "dobj", "obj")
    if obj is None and is_passive(tok):
        obj = child(tok, "nsubjpass")
    if obj is None and tok.dep_ in ("amod", "compound") and tok.tag_ == "VBD":
        obj = tok.head
    return obj


def _object_class(tok, obj, obj_sense: Sense | None, lex: EventLexicon) -> str | None:
    """What a reverse verb acts on: an event type, RELATIONS ("ties") or ACCESS ("the border")."""
    if obj_sense is not None:
        return obj_sense.type
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    if lemma in lex.relation_nouns:
        return "RELATIONS"
    if lemma in lex.access_nouns:
        return "ACCESS"
    return None


def _reverse(tok, key, obj, obj_sense, lex: EventLexicon) -> Reading | None:
    """Ending a restriction is a CONCEDE, suspending cooperation a SANCTION."""
    kind = _object_class(tok, obj, obj_sense, lex)
    if kind is None:
        return None
    if key in lex.reverse_concede and kind in lex.reverse_concede_objects:
        return Reading(Sense("CONCEDE", None), tok.i, obj.i)
    if key in lex.reverse_sanction and kind in lex.reverse_sanction_objects:
        mode = "withdraw" if kind in ("RELATIONS", "CONSULT") else "discontinue"
        return Reading(Sense("SANCTION", mode), tok.i, obj.i)
    return None


def _accept(tok, key, obj, obj_sense, lex: EventLexicon) -> Reading | None:
    """Accepting a demand is a CONCEDE, accepting an offer an AGREE."""
    if key not in lex.accept_verbs or obj_sense is None or obj_sense.type not in lex.accept_objects:
        return None
    return Reading(Sense(lex.accept_objects[obj_sense.type], None), tok.i, obj.i)


def _open(tok, key, obj, obj_sense, lex: EventLexicon) -> Reading | None:
    """Opening a border or crossing is a RETREAT 'access'."""
    if key in lex.open_verbs and obj is not None and obj.lemma_.lower() in lex.access_nouns:
        return Reading(Sense("RETREAT", "access"), tok.i, obj.i)
    return None


def _reported(tok, key, obj, obj_sense, lex: EventLexicon) -> Reading | None:
    """A reporting verb: an event only when it carries an event noun ("announced a suspension") or an
    obligation on someone else ("said Libya must hand over ..." is a REQUEST)."""
    if obj_sense is not None:
        return Reading(obj_sense, tok.i, obj.i)
    noun = prep_event_noun(tok, lex)
    if noun is not None:
        return Reading(noun_sense(noun, lex), tok.i, noun.i)
    comp = child(tok, "ccomp")
    if comp is not None and _obliged(comp, lex):
        inner = read_clause(comp, lex)
        mode = lex.request_modes.get(inner.sense.type) if inner else None
        return Reading(Sense("REQUEST", mode), tok.i, comp.i)
    return None


def _obliged(comp, lex: EventLexicon) -> bool:
    """True for a clause of obligation with its own subject ("Libya must hand over", "forces should")."""
    modal = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in comp.children)
    return modal and child(comp, "nsubj", "nsubjpass") is not None


def complement(tok, lex: EventLexicon) -> tuple[object, Reading] | None:
    """The action a frame verb governs, read: its to-clause, that-clause, object or prepositional noun."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and (is_verbal(c) or c.pos_ == "ADJ"):
            inner = read_clause(c, lex)
            if inner is not None:
                return c, inner
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            sense = noun_sense(c, lex)
            if sense is not None:
                return c, Reading(sense, c.i)
            for verb in children(c, "acl", "relcl"):
                inner = read_clause(verb, lex) if verb.tag_ == "VBG" or verb.dep_ == "acl" else None
                if inner is not None:
                    return verb, inner
    for prep in children(tok, "prep"):
        if prep.lower_ not in lex.grammar["content_prepositions"]:
            continue
        for obj in prep.children:
            inner = read_clause(obj, lex) if obj.dep_ == "pcomp" else None
            if inner is None and obj.dep_ == "pobj":
                sense = noun_sense(obj, lex)
                inner = Reading(sense, obj.i) if sense is not None else None
            if inner is not None:
                return obj, inner
    return None


def _bare_clause(tok) -> tuple[object, None] | None:
    """A verb's clausal complement that holds no event: still its content, for targets and consumption."""
    comp = child(tok, "ccomp", "xcomp")
    return (comp, None) if comp is not None else None


def _intent(tok, lex: EventLexicon, own: Sense | None) -> Reading | None:
    """An intention: to cooperate is AGREE, to attack a THREATEN (readiness: MOBILIZE), a plan stays planned."""
    found = complement(tok, lex)
    lemma = tok.lemma_.lower()
    if found is None:
        return Reading(own, tok.i) if own is not None else None
    comp, inner = found
    if lemma in lex.planning and lemma not in ("prepare",):
        return Reading(inner.sense, inner.word, comp.i, planned=True)
    if lemma in lex.readiness and inner.sense.type == "ASSAULT":
        return Reading(Sense("MOBILIZE", "weapons"), tok.i, comp.i)
    if inner.future or inner.sense.type in ("THREATEN", "REJECT", "REQUEST", "ACCUSE"):
        return Reading(inner.sense, tok.i, comp.i, future=True)
    promised = lex.future.get(inner.sense.type, inner.sense.type)
    mode = inner.sense.mode if promised == inner.sense.type else lex.threat_modes.get(inner.sense.type) if (
        promised == "THREATEN") else None
    return Reading(Sense(promised, mode), tok.i, comp.i, future=True)


def _content(tok, key: str, lex: EventLexicon) -> Reading | None:
    """A verb whose complement is its content: it keeps its type; the content gives the mode."""
    own = lex.verbs.get(key)
    found = complement(tok, lex) or _bare_clause(tok)
    if found is None or found[1] is None and key in lex.needs_content:
        if key in lex.needs_content or own is None:
            return None
        return Reading(own, tok.i)
    comp, inner = found
    if own is None:
        return None
    if inner is None:  # a clause with no event of its own ("demanded that the US cancel plans")
        return Reading(own, tok.i, comp.i)
    modes = lex.threat_modes if own.type == "THREATEN" else lex.request_modes if own.type in (
        "REQUEST", "REJECT") else {}
    mode = own.mode or modes.get(inner.sense.type) or (inner.sense.mode if own.type == "THREATEN" else None)
    return Reading(Sense(own.type, mode), tok.i, comp.i)


def _light(tok, obj, obj_sense, lex: EventLexicon) -> Reading | None:
    """A light verb carries its object noun's event ("held talks", "went on strike"); an aspect verb its
    clause's ("resumed shelling")."""
    if obj_sense is not None:
        return Reading(obj_sense, tok.i, obj.i)
    if tok.lemma_.lower() in lex.aspect_verbs:
        for clause in children(tok, "xcomp", "ccomp", "dobj"):
            inner = read_clause(clause, lex) if is_verbal(clause) else None
            if inner is not None:
                return Reading(inner.sense, tok.i, clause.i, inner.future, inner.planned)
    noun = prep_event_noun(tok, lex)
    if noun is not None:
        return Reading(noun_sense(noun, lex), tok.i, noun.i)
    return None


def _motion(tok, key: str, obj, lex: EventLexicon) -> Reading | None:
    """A verb of motion or transfer is MOBILIZE with a military asset, AID with aid goods."""
    movers = [t for t in (obj, child(tok, "nsubj")) if t is not None]
    for mover in movers:
        lemmas = head_lemmas(mover)
        if lemmas & lex.police_assets:
            return Reading(Sense("MOBILIZE", "police"), tok.i, mover.i)
        if lemmas & lex.military_assets:
            if key not in lex.motion_verbs:  # "contribute troops" to a force is aid, "send" them a mobilisation
                return Reading(Sense("AID", None), tok.i, mover.i)
            troops = lemmas & TROOP_NOUNS
            return Reading(Sense("MOBILIZE", "troops" if troops else "weapons"), tok.i, mover.i)
    if key in lex.transfer_verbs and obj is not None and head_lemmas(obj) & lex.aid_objects:
        return Reading(Sense("AID", None), tok.i, obj.i)
    return None


def _speech(tok, lex: EventLexicon) -> Reading | None:
    """"Spoke with X", "talked by phone": a CONSULT (phone when by phone)."""
    preps = {p.lower_: p for p in children(tok, "prep")}
    phone = any(o.lemma_.lower() in lex.phone_words for p in preps.values() for o in p.children)
    if phone or preps.keys() & lex.speech_consult_preps:
        return Reading(Sense("CONSULT", "phone" if phone else None), tok.i)
    sense = lex.verbs.get(tok.lemma_.lower())
    return Reading(sense, tok.i) if sense is not None and tok.lemma_.lower() != "speak" else None


def _protest(tok, lex: EventLexicon) -> Reading | None:
    """"Protesters protested" is a PROTEST; a government or group protesting is an ACCUSE."""
    subject = child(tok, "nsubj")
    if subject is not None and head_lemmas(subject) & lex.crowd_words:
        return Reading(Sense("PROTEST", "demo"), tok.i)
    return _content(tok, "protest", lex)
