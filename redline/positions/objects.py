"""The issue words a cue takes, shared by the verb, adjective, noun and phrase readers: complements
stepped through ("ready to discuss X" -> X), coordinated objects split, predicates said of something."""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set
from redline.doctable import noun_chunks_within

from .finding import Finding
from .lexicon import Cue, StanceLexicon
from .syntax import (
    OBJECTS,
    conjuncts,
    governing_verb,
    has_child,
    negation,
    prep_objects,
    subjects,
)

COPULAS = word_set("verbs.linking")
WH_WORDS = word_set("wh_words.free_relative_objects")
RELATIVE = word_set("relatives.relative_pronouns")
PARTYLIKE = frozenset({"PROPN", "PRON"})


def stance_of(cue: Cue, token: Token, lexicon: StanceLexicon, stance: str | None = None) -> str | None:
    """The stance a cue shows given its negation (None: no position)."""
    neg = negation(token, lexicon)
    if neg.never:
        return cue.never
    if neg.negated:
        return cue.negated
    return stance if stance is not None else cue.stance


def partylike(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a word that names a party rather than an issue (a name, pronoun or "the government")."""
    lemma = token.lemma_.lower()
    return token.pos_ in PARTYLIKE or lemma in lexicon.collective_heads or lemma in lexicon.party_nouns


def expand(objects: list[Token], lexicon: StanceLexicon) -> list[Token]:
    """Issue head words: light complement verbs stepped through ("ready to discuss X" -> X), coordinated
    objects split ("limits on X, and an end to Y")."""
    heads: list[Token] = []
    for obj in objects:
        for token in (conjuncts(obj) if split(obj) else [obj]):
            for head in through_light(token, lexicon, 0):
                if head not in heads:
                    heads.append(head)
    return heads


def split(token: Token) -> bool:
    """True when coordinated objects are separate issues ("limits on X, and an end to Y"), False when they
    are one ("fighters and their wives", "repatriate and prosecute their citizens")."""
    group = conjuncts(token)
    if len(group) < 2:
        return False
    if token.pos_ in ("VERB", "AUX"):
        return all(any(c.dep_ in OBJECTS or c.dep_ == "prep" for c in t.children) for t in group)
    return any(any(c.dep_ in ("prep", "acl", "compound", "amod", "relcl") for c in t.children) for t in group)


def through_light(token: Token, lexicon: StanceLexicon, depth: int) -> list[Token]:
    """The objects of a light verb ("discuss", "address", "focus on") or of a stance adjective ("willing
    to get rid of X"), else the token itself."""
    if depth > 3:
        return [token]
    if token.pos_ == "ADJ" and token.lemma_.lower() in lexicon.adjectives:
        inner = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        return [h for i in inner for h in through_light(i, lexicon, depth + 1)] or [token]
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lexicon.light_verbs or has_child(token, ("prt",)):
        return [token]  # "take back" is no light verb
    inner = [c for c in token.children if c.dep_ in OBJECTS and c.lower_ not in WH_WORDS]
    inner = inner or prep_objects(token, lexicon.issues.keep_preps)
    inner = inner or [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "acomp")]
    if not inner:
        return [token]
    return [h for i in inner for c in conjuncts(i) for h in through_light(c, lexicon, depth + 1)]


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ("forces, whom Ankara never accepted" -> forces)."""
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        return token.head.head
    return token


def said_of(sent: Span, cue: Token, stance: str, lexicon: StanceLexicon) -> Finding:
    """A predicate cue ("X is non-negotiable", "X is off the table", "Y views X as a red line"): the issue
    is what it is said of, the holder the viewer, the issue's possessor, or the voice of the sentence."""
    verb = governing_verb(cue)
    if verb.lemma_.lower() in COPULAS or verb is cue:
        issue = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not cue), None)
        objects = [issue] if issue is not None else []
        owner = possessor(issue) if issue is not None else None
        region = None if objects else (sent.start, cue.i)
        return Finding(stance, cue, sent, [], expand(objects, lexicon) or _nouns_before(sent, cue), region, owner)
    issue = next((c for c in verb.children if c.dep_ in OBJECTS and c is not cue and not cue.is_ancestor(c) and c.i != cue.i), None)
    if issue is None:  # "was seen by Kurdish leaders as a deal-breaker": the passive subject
        issue = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    objects = [issue] if issue is not None else []
    return Finding(stance, cue, sent, subjects(verb), expand(objects, lexicon), None, possessor(issue) if issue is not None else None)


def _nouns_before(sent: Span, cue: Token) -> list[Token]:
    """Heads of the noun phrases before the cue in its sentence (a predicate whose subject the parse lost)."""
    return [c.root for c in noun_chunks_within(sent) if c.end <= cue.i and c.root.pos_ == "NOUN"][-2:]


def possessor(token: Token | None) -> Token | None:
    """The possessive modifier of a noun ("our missiles", "the Islamic Republic's capabilities")."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ == "poss"), None)

