"""Cues that are not verbs: nouns ("his warning that ..."), adjectives ("officials are confident that
..."), prepositions ("according to X", "in X's view") and a name before a colon ("ZARIF: ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from redline.datafiles import word_set

from .candidate import Candidate, Cue
from .clause import child_with, content_chars, subtree_chars
from .lexicon import CueLexicon
from .speaker import SpeakerSpan, speaker_of, speaker_span, speaker_token

_PREDICATE_DEPS = frozenset({"acomp", "oprd", "amod"})
_ADJECTIVE_PREPS = word_set("prepositions.quote_adjective_content")
_NOUN_CONTENT_PREPS = word_set("prepositions.quote_noun_content")  # "calls for a ceasefire"
_NOUN_CLAUSE = frozenset({"acl", "ccomp", "relcl", "appos"})
_NOUN_SOURCE_PREPS = word_set("prepositions.quote_noun_source")
# "a statement on Friday", "an interview on CNN": the object says when or where, not what
_NOT_CONTENT_ENTS = frozenset({"DATE", "TIME", "ORG", "GPE", "FAC", "LOC"})
_MAX_NAME_TOKENS = 4
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})



def noun_source(noun: Token, lexicon: CueLexicon, *, from_verb: bool = True) -> Token | None:
    """Who a cue noun belongs to: its possessor, its "by"/"from" object, or (with `from_verb`) the
    subject of the verb it is the object of ("he made the claim that ...")."""
    owner = child_with(noun, "poss")
    if owner is not None:
        return owner
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _NOUN_SOURCE_PREPS:
            target = child_with(prep, "pobj")
            if target is not None and target.pos_ in ("PROPN", "PRON"):
                return target
    if from_verb and noun.dep_ == "dobj":
        return speaker_token(noun.head, lexicon)
    return None


def noun_candidate(noun: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from a cue noun with a that-clause: "his warning that ...", "her view is that ..."."""
    clause = None
    for child in noun.children:
        if child.dep_ in _NOUN_CLAUSE and child.left_edge.lower_ == "that" and child.left_edge.dep_ == "mark":
            clause = child
            break
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = child_with(noun.head, "ccomp")
    if clause is None:
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ in _NOUN_CONTENT_PREPS:
                clause = child_with(prep, "pobj") or child_with(prep, "pcomp")
                clause = None if clause is not None and clause.ent_type_ in _NOT_CONTENT_ENTS else clause
                break
    if clause is None:
        return None
    return Candidate(*subtree_chars(clause), cue=Cue.of(noun, lemma), speaker=speaker_of(noun_source(noun, lexicon)))


def adjective_candidate(adjective: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from an attitude adjective: "officials are confident that ...", "worried about ..."."""
    if adjective.dep_ not in _PREDICATE_DEPS:
        return None
    clause = child_with(adjective, "ccomp") or child_with(adjective, "xcomp")
    if clause is None:
        for prep in adjective.rights:
            if prep.dep_ == "prep" and prep.lower_ in _ADJECTIVE_PREPS:
                clause = child_with(prep, "pobj") or child_with(prep, "pcomp")
                break
    if clause is None:
        return None
    who = speaker_token(adjective.head, lexicon)
    return Candidate(*content_chars(clause, lexicon), cue=Cue.of(adjective, lemma), speaker=speaker_of(who))


def phrase_at(doc: Doc, i: int, lexicon: CueLexicon) -> tuple[str, ...] | None:
    """The cue preposition ("according to") starting at token i, or None."""
    for phrase in lexicon.prepositions:
        end = i + len(phrase)
        if end <= len(doc) and all(doc[i + k].lower_ == word for k, word in enumerate(phrase)):
            return phrase
    return None


def _rest_of_sentence(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """The longer side of the sentence around tokens first..last (an "according to X" phrase)."""
    sent = doc[first].sent
    before = (sent.start_char, doc[first].idx)
    after = (doc[last + 1].idx, sent.end_char) if last + 1 < sent.end else (sent.end_char, sent.end_char)
    content = before if before[1] - before[0] >= after[1] - after[0] else after
    return content if content[1] > content[0] else None


def preposition_candidate(doc: Doc, i: int, phrase: tuple[str, ...]) -> Candidate | None:
    """A candidate from "according to X": the source is X, the content the rest of its sentence."""
    last = doc[i + len(phrase) - 1]
    source = child_with(last, "pobj")
    content = _rest_of_sentence(doc, i, source.right_edge.i) if source is not None else None
    if content is None:
        return None
    return Candidate(*content, cue=Cue.of(doc[i], " ".join(phrase), last), speaker=speaker_span(source))


def view_candidate(doc: Doc, prep: Token, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from "in X's view" ("..., in Mr. Connolly's view"): the source is the possessor."""
    noun = child_with(prep, "pobj")
    if noun is None or noun.lemma_.lower() not in lexicon.view_nouns:
        return None
    owner = child_with(noun, "poss")
    content = _rest_of_sentence(doc, prep.i, noun.right_edge.i) if owner is not None else None
    if content is None:
        return None
    return Candidate(*content, cue=Cue.of(prep, f"in {noun.lemma_.lower()}", noun), speaker=speaker_span(owner))


def name_colon_candidate(doc: Doc, text: str, colon: Token) -> Candidate | None:
    """A paragraph opening with a name and a colon, as in headlines and transcripts: "Pence: ...",
    "ZARIF: ..."; the content runs to the end of the paragraph."""
    line_start = text.rfind("\n", 0, colon.idx) + 1
    first = doc[token_at_or_after(doc, line_start)]
    names = doc[first.i : colon.i]
    if not 0 < len(names) <= _MAX_NAME_TOKENS or colon.i + 1 >= len(doc):
        return None
    if not all(t.pos_ == "PROPN" or t.is_upper for t in names) or not any(t.ent_type_ in _SPEAKER_ENTS for t in names):
        return None
    line_end = text.find("\n", colon.idx)
    end = line_end if line_end >= 0 else len(text)
    start = doc[colon.i + 1].idx
    if end <= start:
        return None
    speaker = SpeakerSpan(names.text, names.start_char, names.end_char)
    return Candidate(start, end, cue=Cue(":", colon.idx, colon.idx + 1, colon.i), speaker=speaker)


def token_at_or_after(doc: Doc, pos: int) -> int:
    """Index of the first non-space token starting at or after character `pos`."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand") if pos < doc[-1].idx + len(doc[-1]) else None
    i = span.start if span is not None else 0
    while i < len(doc) - 1 and doc[i].is_space:
        i += 1
    return i
