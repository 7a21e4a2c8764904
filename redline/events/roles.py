"""Source and target of a trigger, read from its own clause and resolved to actors.

The source is the clause's subject (the agent of a passive; inherited along "agreed to", "visited ...
and met", relative and participial clauses); the target its object or the object of a target preposition
("talks with", "an attack on"), else the content's ("threatened to break relations with Russia"), else the
subject of an "if"/"unless" condition ("threatened military action if Iran ..."). Each argument phrase and
its conjuncts ("the US and France") resolves through the actor index, or as a group phrase.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from redline.datafiles import word_set

from .groups import Participant, enrich, group_participants, head_sector, modifier_country
from .lexicon import EventLexicon
from .nouns import noun_sense
from .tree import (child, children, conjuncts, is_nominal, is_passive, is_verbal, participle_patient,
                   passive_participle, prep_objects)
from .trigger import Trigger

EVENT_OWNER_PREPS = word_set("prepositions.event_owner")  # "its invasion of", "calls by"

if TYPE_CHECKING:
    from spacy.tokens import Token

_MOVES = frozenset({"MOBILIZE", "AID", "RETREAT"})  # types whose object is what moves, not the target


@dataclass(slots=True)
class Roles:
    """The sides of one event, resolved."""

    source: list[Participant] = field(default_factory=list)
    target: list[Participant] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Resolver:
    """Resolves argument phrases to participants through the article's actors and the actor dictionary."""

    actors: object
    dictionary: object
    lex: EventLexicon
    # (token index, hops) -> the phrase's participants: the rules and the role model resolve the same
    # phrases of an article again and again (a Resolver serves one Doc)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def phrase(self, tok, hops: int = 0) -> list[Participant]:
        """The participants a phrase names: one per conjunct, each an actor or a group."""
        key = (tok.i, hops)
        if key not in self.memo:
            found: list[Participant] = []
            for part in conjuncts(tok):
                for p in self.one(part, hops):
                    if all(p.key != q.key for q in found):
                        found.append(p)
            self.memo[key] = found
        return list(self.memo[key])

    def one(self, tok, hops: int = 0) -> list[Participant]:
        """The participant one noun phrase names, following "who" to its antecedent and a thing to its
        owner ("Turkey's efforts", "a request by X", "the president of Armenia")."""
        if tok.lower_ in self.lex.grammar["relative_pronouns"] and tok.head.dep_ == "relcl":
            tok = tok.head.head
        tok = _through_partitive(tok, self.lex)
        if _coordinated_modifiers(tok):
            groups = group_participants(tok, self.actors, self.dictionary, self.lex)
            if len(groups) > 1:
                return groups
        actor = self._actor(tok)
        if actor is not None:
            return [enrich(actor, tok, self.actors, self.dictionary, self.lex)]
        if tok.ent_type_ in ("LOC", "FAC"):
            return []  # a sea or a region ("the South China Sea") is no party
        if tok.pos_ == "ADJ" or tok.ent_type_ == "NORP" and not is_nominal(tok):
            country = modifier_country(tok, self.actors, self.dictionary)  # "French mediation"
            return [Participant(tok.text, country, None)] if country else []
        if head_sector(tok, self.dictionary, self.lex) is None and hops < 2:
            for owner in _owners(tok, self.lex):
                found = self.phrase(owner, hops + 1)
                if found:
                    return found
        if not is_nominal(tok) and tok.pos_ not in ("PRON", "ADJ"):
            return []
        found = group_participants(tok, self.actors, self.dictionary, self.lex)
        if not found and hops < 2:  # "Kenzo Oshima, the UN relief coordinator": the apposition
            for appos in children(tok, "appos"):
                found = self.one(appos, hops + 1)
                if found:
                    break
        return found

    def _actor(self, tok) -> Participant | None:
        """The article actor the phrase headed by `tok` refers to, if any."""
        if self.actors is None:
            return None
        actor = self.actors.at(tok.left_edge.idx, tok.idx + len(tok.text))
        if actor is None and tok.left_edge.i != tok.i:
            actor = self.actors.at(tok.idx, tok.idx + len(tok.text))
        if actor is None:
            return None
        return Participant(actor.name, actor.country, actor.sector, actor=True)


def _through_partitive(tok, lex: EventLexicon) -> Token:
    """The real head of a partitive phrase ("thousands of Nigerians" -> Nigerians)."""
    for _ in range(3):
        if tok.lemma_.lower() not in lex.partitives and tok.pos_ != "NUM":
            return tok
        of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj"), None)
        if of is None:
            return tok
        tok = of
    return tok


def _coordinated_modifiers(tok) -> bool:
    """True for a phrase like "the U.S. and Iranian governments": modifiers coordinated before one head."""
    return any(c.dep_ == "conj" for m in tok.lefts if m.dep_ in ("compound", "amod", "nmod") for c in m.children)


def _owners(tok, lex: EventLexicon | None = None) -> list:
    """The phrases owning a thing: its possessor, a proper-noun or nationality modifier, its
    "of"/"by"/"from" object, the agent of a participle ("Turkey's efforts", "a U.S. request", "calls by
    Belarus's rulers", "the demonstration staged by students"). For an event noun, what it is aimed at
    comes first: "its invasion of South Lebanon" is aimed at South Lebanon."""
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and _names_party(c)]
    aimed = []
    for prep in children(tok, "prep", "agent"):
        if prep.lower_ in EVENT_OWNER_PREPS or lex is not None and prep.lower_ in lex.reciprocal_prepositions:
            aimed += children(prep, "pobj")
        elif lex is not None and prep.lower_ in lex.target_prepositions:
            aimed += children(prep, "pobj")
    for acl in children(tok, "acl"):
        owners += [o for p in acl.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
    if lex is not None and noun_sense(tok, lex) is not None:
        return aimed + owners
    return owners + aimed


def _names_party(tok) -> bool:
    """True for a modifier that can name a party: a proper noun or a nationality ("Iranian")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG")


def read_roles(trigger: Trigger, doc, resolver: Resolver) -> Roles:
    """The source and target of a trigger."""
    lex = resolver.lex
    word, anchor = doc[trigger.word], doc[trigger.anchor]
    content = doc[trigger.content] if trigger.content is not None else None
    roles = Roles()
    if trigger.noun:
        _noun_roles(word, resolver, roles)
    else:
        roles.source = _first_resolved(subject_candidates(anchor, lex), resolver)
        roles.target = _verb_targets(anchor, trigger.type, resolver)
        if not roles.target and word.i != anchor.i:
            roles.target = _verb_targets(word, trigger.type, resolver)
    if trigger.type in ("MOBILIZE", "AID") and content is not None:
        moved = {p.key for p in resolver.phrase(content)}  # the armada sent is no target
        roles.target = [p for p in roles.target if p.key not in moved]
    if not roles.target:
        roles.target = _fallback_targets(trigger.type, anchor, content, resolver)
    if trigger.type == "MOBILIZE" and (not roles.source or _assets_only(roles.source)):
        reporter = _reporter(anchor, lex)
        if reporter is not None:
            roles.source = _resolve_all([reporter], resolver) or roles.source
    keys = {p.key for p in roles.source}
    roles.target = [p for p in roles.target if p.key not in keys]
    return roles


def _fallback_targets(type_: str, anchor, content, resolver: Resolver) -> list[Participant]:
    """Targets when the clause names none: the content's, what the action is aimed at, or for a threat
    the subject of its condition ("threatened military action if Iran ...")."""
    found = _content_targets(content, resolver) if content is not None else []
    found = found or _aim_targets(anchor, resolver)
    if not found and type_ == "THREATEN":
        clauses = [anchor] + ([content] if content is not None else [])
        found = _resolve_all([t for c in clauses for t in _condition_subjects(c, resolver.lex)], resolver)
    return found


def _resolve_all(tokens: list, resolver: Resolver) -> list[Participant]:
    """Every participant the phrases name, without repeats."""
    found: list[Participant] = []
    for tok in tokens:
        for p in resolver.phrase(tok):
            if all(p.key != q.key for q in found):
                found.append(p)
    return found


def _first_resolved(candidates: list[list], resolver: Resolver) -> list[Participant]:
    """The participants of the first candidate subject that names any (a conjunct's own subject may be
    a thing: "the first round had gone well, but threatened ..." is still the speaker's threat)."""
    for tokens in candidates:
        found = _resolve_all(tokens, resolver)
        if found:
            return found
    return []


def _noun_roles(word, resolver: Resolver, roles: Roles) -> None:
    """Sides of an event noun: "talks between X and Y" (both sources), "X's meeting with Y", else the
    subject of the clause the noun sits in."""
    lex = resolver.lex
    both = prep_objects(word, lex.reciprocal_prepositions)
    if both:
        roles.source = _resolve_all(both, resolver)
        return
    owners = [c for c in word.children if c.dep_ == "poss"]
    owners += [c for c in word.lefts if c.dep_ in ("compound", "amod", "nmod") and _names_party(c)
               and c.lemma_.lower() not in lex.mediation_words]
    owners += prep_objects(word, frozenset({"by"}))
    roles.source = _resolve_all(owners, resolver)
    roles.target = _resolve_all(prep_objects(word, lex.target_prepositions), resolver)
    if not roles.source and roles.target and not _in_subject(word):
        # "hinting at an impasse in negotiations with X": the other side is the clause's subject
        verb = next((a for a in word.ancestors if is_verbal(a)), None)
        if verb is not None:  # the noun itself may be that subject ("talks ... would never take place")
            candidates = [[t for t in c if t.i != word.i] for c in subject_candidates(verb, lex)]
            roles.source = _first_resolved(candidates, resolver)


def _in_subject(word) -> bool:
    """True when a noun is (inside) the subject of its clause ("the final assault on X pressed on")."""
    cur = word
    while not is_verbal(cur.head) and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ in ("nsubj", "nsubjpass", "csubj")


def subject_candidates(anchor, lex: EventLexicon) -> list[list]:
    """Subject phrases for a clause, nearest first: its own (the agent of a passive), then those it may
    inherit going up ("agreed to", "visited X and met Y", "is expected to", a relative clause's head)."""
    if is_passive(anchor):
        agents = prep_objects(anchor, frozenset({"by"}))
        if not agents and anchor.lemma_.lower() in lex.stative_passives:
            return [children(anchor, "nsubjpass")]  # "Israel is opposed to": the state is the subject's
        return [agents]
    if anchor.dep_ in ("amod", "compound") and anchor.tag_ == "VBD":
        return [children(anchor.sent.root, "nsubj")]  # a finite verb parsed as a modifier
    found: list[list] = []
    cur = anchor
    for _ in range(8):
        own = children(cur, "nsubj", "csubj") or (children(cur, "nsubjpass") if cur is not anchor else [])
        if own:
            found.append(own)
            if cur is anchor and not all(t.pos_ == "PRON" for t in own):
                return found  # a clause with its own subject inherits nothing
            if cur is anchor:  # "officials say they are ready": an unresolved pronoun is the reporter
                said = [a for a in anchor.ancestors if a.lemma_.lower() in lex.reporting]
                return found + [children(a, "nsubj") for a in said][:1]
        head = cur.head
        if head.i == cur.i:
            return found
        if cur.dep_ == "relcl":
            return found + [[head]]
        if cur.dep_ == "xcomp" and head.lemma_.lower() in lex.grammar["object_control"]:
            obj = child(head, "dobj")
            if obj is not None:
                return found + [[obj]]
        if cur.dep_ == "acl" and is_nominal(head) and head.dep_ in ("nsubj", "nsubjpass"):
            return found
        cur = head
    return found


def _verb_targets(verb, type_: str, resolver: Resolver) -> list[Participant]:
    """A verb's targets: its objects; else what its object noun is aimed at ("threatened further action
    against Russia"). The addressee of a complaint ("complained to the UN over Israeli raids") comes last."""
    lex = resolver.lex
    tokens = objects(verb, lex)
    # what is moved or handed over ("withdraw its troops from Lebanon") is not the target
    moved = [t for t in tokens if t.lemma_.lower() in lex.military_assets and t.dep_ != "pobj"]
    tokens = [t for t in tokens if t not in moved] + ([] if type_ in _MOVES else moved)
    if type_ in ("ACCUSE", "REQUEST"):
        addressed = [t for t in tokens if t.head.dep_ == "prep" and t.head.lower_ == "to"]
        tokens = [t for t in tokens if t not in addressed] + addressed
    for tok in tokens:
        found = resolver.phrase(tok)
        if found:
            return found
    nouns = children(verb, "dobj", "obj", "nsubjpass")
    nouns += [o for p in children(verb, "prep") for o in children(p, "pobj") if noun_sense(o, lex) is not None]
    for noun in nouns:
        for inner in [noun, *(o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj"))]:
            found = _resolve_all(prep_objects(inner, lex.target_prepositions), resolver)
            if found:
                return found
    return []


def objects(verb, lex: EventLexicon) -> list:
    """The object phrases of a verb: passive subject, direct object, dative, target-preposition objects."""
    found = []
    if is_passive(verb) and verb.lemma_.lower() not in lex.stative_passives:
        found += children(verb, "nsubjpass") or (participle_patient(verb) if passive_participle(verb) else [])
    found += children(verb, "dobj", "obj", "dative")
    found += prep_objects(verb, lex.target_prepositions)
    return found


def _content_targets(content, resolver: Resolver) -> list[Participant]:
    """The target a content clause or noun gives: its own object, or the subject of a that-clause
    ("demanded that the US cancel ..." targets the US)."""
    lex = resolver.lex
    if is_verbal(content):
        if content.dep_ == "ccomp" or child(content, "nsubj") is not None and content.dep_ != "xcomp":
            found = _resolve_all(children(content, "nsubj", "nsubjpass"), resolver)
            if found:
                return found
        found = _verb_targets(content, "", resolver)
        for inner in children(content, "xcomp", "ccomp"):  # "prepared to resume shelling X"
            found = found or _verb_targets(inner, "", resolver)
        return found
    # "its demand that Israel ease restrictions": the clause's subject is asked
    clauses = [c for c in content.children if c.dep_ in ("acl", "ccomp", "relcl") and is_verbal(c)
               and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")]
    asked = [s for c in clauses for s in children(c, "nsubj", "nsubjpass")]
    return _resolve_all(asked + prep_objects(content, lex.target_prepositions) + _owners(content), resolver)


def _aim_targets(anchor, resolver: Resolver) -> list[Participant]:
    """What an action is aimed at when it names no target: its purpose clause's target ("started a hunger
    strike to protest President Assad's failure") or an "in protest of X" / "in defiance of X" phrase."""
    lex = resolver.lex
    for prep in children(anchor, "prep"):
        for noun in children(prep, "pobj"):
            if noun.lemma_.lower() in lex.aim_nouns:
                found = _resolve_all(prep_objects(noun, lex.target_prepositions | {"of"}), resolver)
                if found:
                    return found
    for clause in children(anchor, "advcl", "xcomp"):
        if clause.tag_ == "VB" and any(c.lower_ == "to" for c in clause.children if c.dep_ == "aux"):
            found = _verb_targets(clause, "", resolver)
            if found:
                return found
    return []


def _condition_subjects(anchor, lex: EventLexicon) -> list:
    """The subjects of the "if"/"unless" conditions of a clause (the threatened party)."""
    found = []
    for clause in children(anchor, "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in lex.status["conditional_marks"] for m in clause.children):
            found += children(clause, "nsubj", "nsubjpass")
    return found


def _assets_only(source: list[Participant]) -> bool:
    """True when the source is a military asset group with no country ("a massive armada")."""
    return bool(source) and all(p.country is None and p.sector == "military" for p in source)


def _reporter(anchor, lex: EventLexicon) -> Token | None:
    """The subject of the reporting verb whose complement holds the clause, or None."""
    for verb in anchor.ancestors:
        if verb.lemma_.lower() in lex.reporting and is_verbal(verb):
            subject = child(verb, "nsubj")
            if subject is not None:
                return subject
    return None
