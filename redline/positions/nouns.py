"""Noun cues that name their holder: "Trump's demand that ...", "Iraqi pre-conditions include ...",
"preconditions put forward by Washington", "assurances given to X that ..."."""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set

from .finding import Finding
from .lexicon import Cue, StanceLexicon
from .objects import COPULAS, expand, said_of
from .syntax import conjuncts, direct_objects, has_child, prep_objects, subjects
from .verbs import prescriptive

NOUN_PREPS = word_set("prepositions.issue_noun")  # "talks on", "demands for"
NOUN_AGENT_PREPS = word_set("prepositions.noun_agent")  # "a demand by Iran"
INCLUSION_VERBS = word_set("verbs.inclusion")  # "the demands include X"


def noun_finding(sent: Span, noun: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A noun cue that names its holder ("Trump's demand that ...", "Iraqi pre-conditions include ...")."""
    if cue.preps and not prep_objects(noun, cue.preps):
        return None
    stance = cue.stance
    if stance is None:
        return None
    if cue.deontic and not prescriptive(noun, lexicon):
        return None  # "his insistence that there was no distinction": a claim
    holders = _noun_holders(noun)
    verb = noun.head
    if not holders and noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in lexicon.noun_cue_verbs:
        holders = subjects(verb)
    if not holders and noun.dep_ == "attr" and verb.lemma_.lower() in COPULAS and verb.dep_ == "ccomp":
        # "the west has insisted that Assad's departure must be a precondition": the insisting party's
        issue = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return Finding(stance, noun, sent, subjects(verb.head), expand(issue, lexicon)) if issue else None
    if not holders and cue.own_holder:
        return None
    if not cue.own_holder and not holders:
        return said_of(sent, noun, stance, lexicon)
    return Finding(stance, noun, sent, holders, expand(_noun_objects(noun, lexicon), lexicon))


def _noun_holders(noun: Token) -> list[Token]:
    """Who a noun cue belongs to: possessor, party modifier, or by-phrase ("put forward by Washington")."""
    for child in _word_parts(noun):
        if child.dep_ == "poss":
            return conjuncts(child)
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.dep_ == "case" and before.head.pos_ == "PROPN" and before.head.i < noun.i:
        return [before.head]  # "Erdoğan 's calls" with the possessor parsed apart
    for child in _word_parts(noun):
        # a name, or a capitalised adjective ("Iraqi") that is not merely opening the sentence ("Other")
        if child.dep_ in ("compound", "amod") and (child.pos_ == "PROPN" or child.tag_ == "JJ" and child.text[:1].isupper() and not child.is_sent_start):
            return [child]
        if child.dep_ == "acl":
            found = [a for g in child.children if g.dep_ == "agent" for a in g.children if a.dep_ == "pobj"]
            if found:
                return conjuncts(found[0])
        if child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPS:
            found = [c for c in child.children if c.dep_ == "pobj"]
            if found:
                return conjuncts(found[0])
    return []


def _word_parts(noun: Token) -> list[Token]:
    """The children of a noun and of the parts of its hyphenated word ("Iraqi [pre]-[conditions]")."""
    parts = [noun]
    i = noun.i
    while i >= 2 and noun.doc[i - 1].text == "-" and not noun.doc[i - 2].whitespace_:
        parts.append(noun.doc[i - 2])
        i -= 2
    return [c for part in parts for c in part.children if c not in parts and c.text != "-"]


def _noun_objects(noun: Token, lexicon: StanceLexicon) -> list[Token]:
    """What a noun cue is about: its complement clause or prepositional object, the list after a colon,
    or, as the subject of "include"/"be", that verb's objects."""
    found = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and not has_child(c, ("agent",))]
    # "assurances that Syrian Kurds will be entitled ...": a content clause the parse took for a relative one
    found += [c for c in noun.children if c.dep_ == "relcl" and any(m.dep_ == "mark" for m in c.children)]
    found += [o for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS for o in c.children if o.dep_ in ("pobj", "pcomp")]
    if not found:
        found = [t for t in noun.subtree if t.i > noun.i and t.dep_ == "appos" and t.pos_ == "NOUN"]
    if not found and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in INCLUSION_VERBS:
        found = direct_objects(noun.head)
    if not found and noun.dep_ == "dobj":  # "gave assurances to X that ...": the clause hangs from the verb
        found = [c for c in noun.head.children if c.dep_ == "ccomp"]
    return found

