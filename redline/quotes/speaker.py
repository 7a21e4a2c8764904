"""Who a cue attributes its content to: the speaker token from the parse, and the name phrase around it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import CueLexicon

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# A cue with no subject of its own borrows its governor's: "said A and warned B", "refused to say",
# ", warning that ...", "a statement saying ...".
_BORROW = frozenset({"conj", "xcomp", "advcl", "acl", "dobj", "pcomp", "prep", "pobj"})
_MAX_CLIMB = 4
# Left dependents that belong to a name or title ("Iranian President Masoud Pezeshkian", "the emir").
_NAME_PARTS = frozenset({"compound", "amod", "det", "nmod", "nummod", "quantmod", "flat", "poss", "case", "predet"})
_NAME_TAIL = frozenset({"flat", "compound", "conj", "cc"})  # "Google and Yahoo say ..."
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


@dataclass(frozen=True, slots=True)
class SpeakerSpan:
    """A speaker phrase as written: its text and character offsets."""

    text: str
    start: int
    end: int


def _child(token: Token, deps: frozenset[str]) -> Token | None:
    """The first child of the token with one of the dependency labels."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _agent(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ("it was announced by the ministry")."""
    agent = _child(verb, frozenset({"agent"}))
    return _child(agent, frozenset({"pobj"})) if agent is not None else None


def _quoted_as(verb: Token) -> bool:
    """True for "quoted/cited X as saying": the verb has an "as" phrase."""
    return any(child.dep_ == "prep" and child.lower_ == "as" for child in verb.rights)


def _own_speaker(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The speaker among the verb's own dependents, or None when it has no subject."""
    if verb.lemma_.lower() in lexicon.object_speaker and _quoted_as(verb):
        # "state media quoted him as saying": the quoted person speaks.
        return _child(verb, frozenset({"dobj"})) or _child(verb, PASSIVE_SUBJECTS) or _child(verb, SUBJECTS)
    subject = _child(verb, SUBJECTS)
    if subject is not None:
        return None if subject.dep_ == "expl" else subject
    if _child(verb, PASSIVE_SUBJECTS) is not None:
        return _agent(verb)  # "he was told that ...": the passive subject is the hearer, never the speaker
    return None


def speaker_token(cue: Token, lexicon: CueLexicon) -> Token | None:
    """The token naming who the cue verb attributes its content to, or None."""
    verb = cue
    for _ in range(_MAX_CLIMB):
        speaker = _own_speaker(verb, lexicon)
        if speaker is not None:
            speaker = _antecedent(speaker)
            return speaker if _same_paragraph(cue, speaker) else None
        if _child(verb, PASSIVE_SUBJECTS) is not None or verb.dep_ not in _BORROW or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _same_paragraph(a: Token, b: Token) -> bool:
    """True when no line break lies between the two tokens (the parser can run a sentence across one)."""
    doc = a.doc
    for i in range(min(a.i, b.i), max(a.i, b.i)):
        if "\n" in doc[i].whitespace_ or (doc[i].is_space and "\n" in doc[i].text):
            return False
    return True


def _antecedent(token: Token) -> Token:
    """For a relative pronoun ("X, who said ..."), the noun it stands for; otherwise the token."""
    if token.tag_ in _RELATIVE_TAGS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def speaker_span(token: Token) -> SpeakerSpan:
    """The name phrase headed by the speaker token: its title and name words, and coordinated names.

    A possessor and an "of" phrase are kept with a common noun ("Iran's foreign minister", "the head of
    the IAEA"); a possessor is dropped before a name ("Al Jazeera's Ali Hashem" is Hashem); appositions
    and relative clauses are left out.
    """
    proper = token.pos_ == "PROPN"
    left = token.i
    for child in token.lefts:
        if child.dep_ in _NAME_PARTS and not (proper and child.dep_ == "poss"):
            left = min(left, child.left_edge.i)
            break
    right = token.i
    for child in token.rights:
        if child.dep_ in _NAME_TAIL:
            right = max(right, child.right_edge.i if child.dep_ == "conj" else child.i)
        elif not proper and child.dep_ == "prep" and child.lower_ == "of":
            right = max(right, child.right_edge.i)  # "the head of the IAEA", "one of his advisers"
        elif child.dep_ != "punct":
            break
    doc = token.doc
    while right > left and (doc[right].is_punct or doc[right].dep_ == "case"):
        right -= 1
    while left < token.i and (doc[left].is_punct or doc[left].is_space or not _same_paragraph(doc[left], token)):
        left += 1
    span = doc[left : right + 1]
    return SpeakerSpan(span.text, span.start_char, span.end_char)


def speaker_of(token: Token | None) -> SpeakerSpan | None:
    """The speaker phrase headed by a token, or None for no token."""
    return speaker_span(token) if token is not None else None
