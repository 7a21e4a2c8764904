"""Verb cues: "demanded that X", "refused to negotiate", "urged Y to Z", "a U.S.-proposed plan" -- the
subject (or by-phrase) holds the stance, the complement or object is the issue, as the lexicon's needs and
negation allow."""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set

from .finding import Finding
from .lexicon import Cue, StanceLexicon
from .objects import PARTYLIKE, WH_WORDS, antecedent, expand, partylike, stance_of
from .syntax import (
    OBJECTS,
    agents,
    conjuncts,
    direct_objects,
    has_child,
    is_passive,
    prep_objects,
    subjects,
)

PLACE_TIME_RELATIVES = word_set("relatives.place_time_relatives")  # "where we want to be"
PHRASAL_ISSUE_PREPS = word_set("prepositions.phrasal_verb_issue")  # "give in to X"
DEMAND_ADDRESSEE_PREPS = word_set("prepositions.demand_addressee")
PROPOSAL_FUTURE = word_set("modals.proposal_future")
QUESTION_OPENERS = word_set("wh_words.question_openers")
REQUEST_OBJECT_PREPS = word_set("prepositions.request_object")  # "called for", "pressed on"


def verb_finding(sent: Span, verb: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A verb cue: its subject holds the stance, its complement or object is the issue."""
    if verb.dep_ == "amod":  # "a U.S.-proposed ceasefire plan": the noun is the issue
        return participle_finding(sent, verb, cue, lexicon)
    if _requested(verb, lexicon) or _under_adjective_cue(verb, lexicon):
        return None  # "urged X not to attend", "not averse to negotiating": the outer cue reads it
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in PLACE_TIME_RELATIVES for c in verb.children):
        return None  # "where we want to be": a relative clause of place or time
    stance, objects, special = cue.stance, [], False
    for prep, prep_stance in cue.prep_stances.items():
        against = prep_objects(verb, frozenset({prep}))
        if against:
            stance, objects, special = prep_stance, against, True
    if not objects and cue.preps:
        objects = prep_objects(verb, cue.preps)
        if not objects and has_child(verb, ("prt",), cue.preps):  # "give in to X", "rule out X"
            objects = [c for c in verb.children if c.dep_ in OBJECTS] + prep_objects(verb, PHRASAL_ISSUE_PREPS)
        if not objects and not has_child(verb, ("prt", "prep"), cue.preps):
            return None
    if not special and cue.needs and not meets(verb, cue.needs):
        return None
    if cue.not_with and (meets(verb, cue.not_with) or has_child(verb, ("prep",), cue.not_with)):
        return None
    if cue.deontic and not prescriptive(verb, lexicon):
        return None
    if _complement_is_cue(verb, lexicon) or _no_comment(verb, lexicon) or _asks_question(verb):
        return None
    stance = stance_of(cue, verb, lexicon, stance)
    if stance is None:
        return None
    if is_passive(verb) and not agents(verb):
        return None  # "the sum demanded", "it was rejected": nobody named holds it
    objects = _issue_objects(objects, verb, lexicon)
    if any(o.lower_ in WH_WORDS for o in objects) or has_child(verb, ("dobj", "pobj"), WH_WORDS):
        return None  # "what Iran can offer" is no offer
    if objects and all(o.lemma_.lower() in lexicon.not_issues or o.lower_ in lexicon.not_issues for o in objects):
        return None  # "rejected reports that ...": a denial, not a position
    if cue.holder == "object":  # "a plan that incensed Turkey": Turkey rejects the plan
        held = [c for c in verb.children if c.dep_ == "dobj"]
        issue = [antecedent(c) for c in verb.children if c.dep_ == "nsubj"]
        return Finding(stance, verb, sent, conjuncts(held[0]), expand(issue, lexicon)) if held and issue else None
    if cue.holder == "voice":  # "Syria requires post-Assad leadership", Tillerson said
        return Finding(stance, verb, sent, [], expand(objects, lexicon), kind="voice")
    if stance == "demand":
        objects = objects + _purposes(objects)
    return Finding(stance, verb, sent, subjects(verb), expand(objects, lexicon))


def _purposes(objects: list[Token]) -> list[Token]:
    """Purpose clauses of a wanted action, which are wanted too ("intends to maintain a presence ... to
    provide a bulwark against Iranian influence, ensure the departure of the regime")."""
    found = []
    for obj in objects:
        if obj.pos_ != "VERB":
            continue
        for clause in obj.children:
            if clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                found.append(clause)
    return found


def _issue_objects(objects: list[Token], verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """The issue words of a verb cue: given prepositional objects unless they name a party and a
    complement says what is asked ("called on the government to intervene"); else the verb's own."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if objects and complements and all(partylike(o, lexicon) for o in objects):
        return complements
    objects = objects or _verb_objects(verb, lexicon)
    if not objects and any(c.dep_ in ("nsubjpass",) for c in verb.children):
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "participation has been blocked"
    if not objects:  # "will not stand by and watch an attack": the coordinated verb's object
        objects = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for o in _verb_objects(c, lexicon)]
    objects = [antecedent(o) for o in objects]
    # dates are no issues; a possessor parsed as an object ("rejected Erdoğan['s] calls") neither
    return [o for o in objects if o.ent_type_ not in ("DATE", "TIME") and not has_child(o, ("case",))]


def _under_adjective_cue(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for a verb complementing a stance adjective ("ready to negotiate", "averse to negotiating")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return False
    return head.pos_ == "ADJ" and head.lemma_.lower() in lexicon.adjectives


def _requested(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for the complement of a demand made to someone ("urged X not to attend", "asked them to
    reject"); "insisted it would not participate" is the insisting party's own position."""
    if verb.dep_ not in ("xcomp", "ccomp"):
        return False
    head = lexicon.verbs.get(verb.head.lemma_.lower())
    if head is None or head.stance != "demand" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if head.needs and not meets(verb.head, head.needs):
        return False  # "officials told the Guardian [Baghdad has asked ...]": no demand
    addressee = any(c.dep_ in ("dobj", "dative") for c in verb.head.children) or any(
        c.dep_ == "prep" and c.lower_ in DEMAND_ADDRESSEE_PREPS for c in verb.head.children)
    return addressee


def prescriptive(verb: Token, lexicon: StanceLexicon) -> bool:
    """True unless the cue's clause complement states a fact ("insisted that Sochi is a complement")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return True
    clause = clauses[0]
    modal = any(c.dep_ == "aux" and c.lower_ in lexicon.deontic_modals | PROPOSAL_FUTURE for c in clause.children)
    return modal or clause.tag_ == "VB"


def _asks_question(verb: Token) -> bool:
    """True for a cue whose clause complement is a question ("asked why we are fighting ...")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        first = clause.left_edge
        if first.lower_ in QUESTION_OPENERS or first.tag_ in ("WRB", "WP"):
            return True
    return False


def _no_comment(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for "declined to comment", "refused to confirm": no position."""
    if verb.lemma_.lower() not in lexicon.negating_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.no_comment for c in verb.children)


def meets(verb: Token, needs: frozenset[str]) -> bool:
    """True when the verb has one of the complements the cue needs."""
    deps = {c.dep_ for c in verb.children}
    if "nsubjpass" in deps:
        deps.add("dobj")  # "the plan was advanced by the Russians"
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    checks = {
        "xcomp": "xcomp" in deps, "ccomp": "ccomp" in deps, "dobj": "dobj" in deps, "oprd": "oprd" in deps,
        "as": "as" in preps,
        "prep_for": "for" in preps, "prep_to": "to" in preps, "prep_into": "into" in preps, "prep_with": "with" in preps,
        "dobj_xcomp": "dobj" in deps and "xcomp" in deps,
    }
    return any(checks.get(need, False) for need in needs)


def _complement_is_cue(verb: Token, lexicon: StanceLexicon) -> bool:
    """True for a negating verb whose complement is itself a cue ("declined to discuss")."""
    if verb.lemma_.lower() not in lexicon.negating_verbs:
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lexicon.verbs for c in verb.children)


def _verb_objects(verb: Token, lexicon: StanceLexicon) -> list[Token]:
    """The issue words of a verb cue: its clause or infinitive complement, else its object or prepositional
    object; when the object is a party ("urged Russia to ..."), the complement."""
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    direct = direct_objects(verb)
    if direct and all(partylike(d, lexicon) for d in direct) and not complements:
        # "lobbying Iraqi officials for access to Mount Sinjar": what is asked for, not of whom
        asked = [o for o in prep_objects(verb, REQUEST_OBJECT_PREPS) if not partylike(o, lexicon)]
        if asked:
            return asked
    if direct and not (complements and direct[0].pos_ in PARTYLIKE | {"NOUN"} and partylike(direct[0], lexicon)):
        return direct
    if complements:
        return complements
    if direct:
        return direct
    return [o for o in prep_objects(verb, lexicon.issues.keep_preps) if not partylike(o, lexicon)]


def participle_finding(sent: Span, verb: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """"a U.S.-proposed plan", "its proposed conference": the noun is the issue, its modifier the holder."""
    if cue.stance is None:
        return None
    noun = verb.head
    holders = [c for c in verb.children if c.dep_ in ("npadvmod", "compound") and c.pos_ == "PROPN"]
    holders = holders or [c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ in PARTYLIKE]
    if not holders and noun.dep_ in OBJECTS and noun.head.lemma_.lower() in lexicon.noun_cue_verbs:
        holders = subjects(noun.head)  # "he set out a proposed timetable"
    if not holders:
        return None
    return Finding(cue.stance, verb, sent, holders, [noun])

