"""Reported speech from the dependency parse: a cue verb, the clause or object it governs, and its subject.

Covers "X said (that) ...", "... , X said." (the clause is the verb's ccomp either way), "X said: ...",
"X vowed to ..." (intention verbs take an infinitive), "..., he said, ..." and "..., as X put it" (the
host clause), "X rejected the proposal" (object content). Non-verb cues are in `nominal`. Cues inside
quotation marks are the speaker's own words, not the article's attributions, and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id as _string_id
from spacy.tokens import Doc, Token

from redline.datafiles import word_set

from .candidate import Candidate, Cue, trim
from .clause import VERB_POS, child_with, conservative_end, content_chars, paragraph_clip, subtree_chars
from .lexicon import CueLexicon
from .marks import RegionIndex
from .nominal import (
    adjective_candidate,
    name_colon_candidate,
    noun_candidate,
    noun_source,
    phrase_at,
    preposition_candidate,
    view_candidate,
)
from .speaker import speaker_of, speaker_token

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_COLON_WINDOW = 5  # tokens between a cue verb and its colon: "told reporters on Tuesday:"
# Prepositions after the object that belong to the content: "accused X of Y", "blamed X for Y",
# "described X as Y", "gave different numbers to different agencies".
_OBJECT_PREPS = word_set("prepositions.quote_object_content")
_OBJECT_DEPS = frozenset({"dobj", "oprd"})  # "called Trump a liar" is parsed as two oprd
_PARTICIPLES = frozenset({"VBG", "VBN"})
_THAT_DEPS = frozenset({"mark", "advmod", "nsubj"})
_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# The children a broad candidate reads its content from (clause, infinitive, passive subject, object,
# preposition): a verb with none of them cannot give one, so `_cue_positions` never visits it.
_BROAD_CONTENT_DEPS = ("ccomp", "xcomp", "nsubjpass", "dobj", "oprd", "prep", "acomp", "attr", "acl")
# Per part of speech, the right-hand children whose phrase may be a broad candidate's "first" reading.
_BROAD_KIDS = {
    "VERB": frozenset({"ccomp", "xcomp", "dobj", "oprd", "prep", "acomp", "attr"}),
    "NOUN": frozenset({"acl", "prep"}),
}


def _colon_content(verb: Token) -> tuple[int, int] | None:
    """What follows a colon right after the cue ("said: ..."), to the end of that sentence."""
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 1 + _COLON_WINDOW, len(doc) - 1)):
        if doc[j].text == ":":
            first = doc[j + 1]
            return first.idx, first.sent.end_char
        if doc[j].is_sent_end or doc[j].dep_ in ("ccomp", "xcomp"):
            return None
    return None


def _host_content(verb: Token) -> tuple[int, int] | None:
    """For a tag inside the clause it reports ("..., he said, ...", "..., as Trump put it"): the longer
    side of the host clause around the tag."""
    host = verb.head
    left = (host.left_edge.idx, verb.left_edge.idx)
    right_start = verb.right_edge.i + 1
    if right_start > host.right_edge.i:
        return left
    after = verb.doc[right_start]
    right = (after.idx, subtree_chars(host)[1])
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _object_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The direct object as content ("rejected the proposal"), with its predicate ("called it a hoax",
    "described the talks as constructive"); None for a bare pronoun."""
    if child_with(verb, "nsubjpass") is not None:
        # "the deal was rejected by Iran": the passive subject is the content, the agent the source
        return subtree_chars(child_with(verb, "nsubjpass")) if child_with(verb, "agent") is not None else None
    obj = next((child for child in verb.rights if child.dep_ in _OBJECT_DEPS), None)
    if obj is None:
        return None
    end = subtree_chars(obj)[1]
    for child in verb.rights:
        if child.i > obj.i and (child.dep_ in _OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS)):
            end = max(end, subtree_chars(child)[1])
    if obj.pos_ == "PRON" and end == obj.idx + len(obj.text):
        return None  # "denied it": no content to keep
    return obj.left_edge.idx, end


def _prepositional_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The object of the verb's content preposition: "called for a ceasefire", "spoke about the talks"."""
    preps = lexicon.prepositional_content.get(lemma)
    if not preps:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            target = child_with(child, "pobj") or child_with(child, "pcomp")
            return content_chars(target, lexicon) if target is not None else None
    return None


def _that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung elsewhere in the verb's phrase ("told X on a regular basis that ...",
    or "that" read as an adverb): its head, reached from the verb through nouns and prepositions only."""
    for token in verb.rights:
        for word in token.subtree:
            if word.lower_ != "that" or word.dep_ not in _THAT_DEPS or word.head.pos_ not in VERB_POS:
                continue
            clause = word.head
            step = clause.head
            while step.i != verb.i and step.pos_ not in VERB_POS and step.head.i != step.i:
                step = step.head
            if step.i == verb.i and clause.left_edge.i == word.i:
                return clause
            return None
    return None


def _finite(clause: Token) -> bool:
    """True when a clause is finite: a tensed verb, a modal or "that" ("expects that talks will resume",
    not "expects talks to resume")."""
    if clause.tag_ in _FINITE_TAGS:
        return True
    return any(child.tag_ == "MD" or (child.dep_ == "mark" and child.lower_ == "that")
               or (child.dep_ in ("aux", "auxpass") and child.tag_ in _FINITE_TAGS) for child in clause.children)


def _narration_content(verb: Token, lexicon: CueLexicon) -> tuple[int, int] | None:
    """A narration cue's content: only a finite clause ("hinted that ...") or what follows its colon."""
    clause = child_with(verb, "ccomp") or _that_clause(verb)
    if clause is not None and _finite(clause):
        return content_chars(clause, lexicon)
    return _colon_content(verb) if verb.dep_ not in _MODIFIER_DEPS else None


def verb_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The character span of what a cue verb attributes, or None when it governs no content."""
    if lemma in lexicon.narration:
        return _narration_content(verb, lexicon)
    clause = child_with(verb, "ccomp")
    if clause is None and (lemma in lexicon.speech or lemma in lexicon.attitude):
        clause = _that_clause(verb)
    if clause is not None:
        return content_chars(clause, lexicon)
    if lemma in lexicon.intention:
        clause = child_with(verb, "xcomp")
        if clause is not None:
            return content_chars(clause, lexicon)
    if lemma in lexicon.speech or lemma in lexicon.object_speaker:
        if verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and child_with(verb, "mark") is not None
                                        and child_with(verb, "mark").lower_ == "as"):
            return _host_content(verb)
        if verb.dep_ not in _MODIFIER_DEPS:  # "preconditions threatening security: ..." is no speech
            colon = _colon_content(verb)
            if colon is not None:
                return colon
    if verb.dep_ in _MODIFIER_DEPS and verb.tag_ in _PARTICIPLES:
        return None  # "preconditions threatening national security", "signals regarding talks": modifiers
    if lemma in lexicon.object_content:
        found = _object_content(verb, lemma, lexicon)
        if found is not None:
            return found
    return _prepositional_content(verb, lemma, lexicon)


def cue_of_verb(verb: Token, lemma: str) -> Cue:
    """The cue of a verb: its lemma, with its particle ("point out")."""
    particle = child_with(verb, "prt")
    if particle is None:
        return Cue.of(verb, lemma)
    last = particle if particle.i > verb.i else verb
    return Cue.of(verb, f"{lemma} {particle.lower_}", last)



def _verb_candidate(verb: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from a cue verb that governs content."""
    content = verb_content(verb, lemma, lexicon)
    if content is None:
        return None
    return Candidate(*content, cue=cue_of_verb(verb, lemma), speaker=speaker_of(speaker_token(verb, lexicon)))


def _token_candidate(doc: Doc, text: str, token: Token, lexicon: CueLexicon, starts: frozenset[str]) -> Candidate | None:
    """The candidate a token opens as a cue, if any."""
    if token.text == ":":
        return name_colon_candidate(doc, text, token)
    if token.lower_ == "in" and token.dep_ == "prep":
        return view_candidate(doc, token, lexicon)
    if token.lower_ in starts:
        phrase = phrase_at(doc, token.i, lexicon)
        if phrase is not None:
            return preposition_candidate(doc, token.i, phrase)
    pos = token.pos_
    if pos == "ADJ":
        lemma = token.lemma_.lower()
        return adjective_candidate(token, lemma, lexicon) if lemma in lexicon.adjectives else None
    if pos not in VERB_POS and pos not in _NOUN_POS:
        return None
    lemma = token.lemma_.lower()
    if pos in VERB_POS and lemma in lexicon.verbs:
        return _verb_candidate(token, lemma, lexicon)
    if pos in _NOUN_POS and lemma in lexicon.nouns:
        return noun_candidate(token, lemma, lexicon)
    return None


def broad_candidate(verb: Token, lexicon: CueLexicon) -> Candidate | None:
    """A candidate for the learned detector from any verb the rules pass over: its clause, infinitive or
    (non-pronoun) object as content, its subject as speaker ("reserved his passion for ...")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in lexicon.narration:
        return None  # a narration cue with no finite clause is no attribution, whatever the model says
    clause = child_with(verb, "ccomp") or child_with(verb, "xcomp")
    if clause is not None:
        content = content_chars(clause, lexicon)
    else:
        content = _object_content(verb, verb.lemma_.lower(), lexicon) or _any_preposition(verb, lexicon)
    if content is None:
        return None
    return Candidate(*content, cue=cue_of_verb(verb, verb.lemma_.lower()), speaker=speaker_of(speaker_token(verb, lexicon)),
                     rule=False, variant="head")


def broad_candidates(token: Token, lexicon: CueLexicon) -> list[Candidate]:
    """The readings the learned detector may choose from for a token the rules pass over (it keeps at
    most one per token): a verb's `broad_candidate` ("head"), and for a verb or a noun the phrase of its
    first content child on its right ("first": "welcomed Trump", "the proposal to deport ...",
    "Trump's criticism of the deal"). A noun is offered only with a source of its own (its possessor,
    or its "by"/"from" name): on train CV, nouns without one, or with the subject of the verb they are
    the object of, raised overlap F1 by less than they lowered speaker accuracy. Narration verbs give
    none (issue 15: they are cues only with a finite clause, which the rules find). Longer readings (to
    the end of the token's phrase) and auxiliaries ("was excited to ...") were tried and lowered overlap
    F1 on train CV, so they are not offered."""
    pos = token.pos_
    kids = _BROAD_KIDS.get(pos)
    if kids is None or (pos == "VERB" and token.lemma_.lower() in lexicon.narration):
        return []
    found = [c for c in (broad_candidate(token, lexicon),) if c is not None]
    first = next((child for child in token.rights if child.dep_ in kids), None)
    target = first if first is None or first.dep_ != "prep" else child_with(first, "pobj") or child_with(first, "pcomp")
    if target is None:
        return found
    start, end = content_chars(target, lexicon)
    if end <= start or any((c.start, c.end) == (start, end) for c in found):
        return found
    if pos == "NOUN":
        who = speaker_of(noun_source(token, lexicon, from_verb=False))
        if who is None:
            return found
    else:  # the verb's subject, as its head reading found it
        who = found[0].speaker if found else speaker_of(speaker_token(token, lexicon))
    cue = Cue.of(token) if pos == "NOUN" else cue_of_verb(token, token.lemma_.lower())
    return found + [Candidate(start, end, cue=cue, speaker=who, rule=False, variant="first")]


def _any_preposition(verb: Token, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The object of the verb's first preposition on its right ("doubled down on ...")."""
    for child in verb.rights:
        if child.dep_ == "prep":
            target = child_with(child, "pobj") or child_with(child, "pcomp")
            return content_chars(target, lexicon) if target is not None else None
    return None


# Bits of `_word_flags`: which lexicon list a lemma (or, for START, a lower-case word) is in.
_ADJECTIVE, _VERB, _NOUN, _START = 1, 2, 4, 8


def _word_flags(lexicon: CueLexicon, starts: frozenset[str]) -> dict[int, int]:
    """String-store id -> list bits, for every lexicon word in lower, title and upper case (ids are
    hashes, the same in any vocab; a lemma may be capitalised, the lexicon is lower case)."""
    key = (lexicon.adjectives, lexicon.verbs, lexicon.nouns, starts)
    if key not in _FLAGS:
        flags: dict[int, int] = {}
        for bit, words in ((_ADJECTIVE, lexicon.adjectives), (_VERB, lexicon.verbs), (_NOUN, lexicon.nouns), (_START, starts)):
            for word in words:
                for form in (word, word.title(), word.upper()):
                    h = _string_id(form)
                    flags[h] = flags.get(h, 0) | bit
        _FLAGS.clear()  # one lexicon per process in practice: keep only the latest
        _FLAGS[key] = flags
    return _FLAGS[key]


_FLAGS: dict[tuple[frozenset[str], ...], dict[int, int]] = {}


def _flags_of(ids: np.ndarray, flags: dict[int, int]) -> np.ndarray:
    """Per token, the list bits of its id (looked up once per distinct id)."""
    unique, inverse = np.unique(ids, return_inverse=True)
    return np.array([flags.get(h, 0) for h in unique.tolist()], dtype=np.int64)[inverse.reshape(-1)]


def _outside_quotes(offsets: np.ndarray, quoted: RegionIndex) -> np.ndarray:
    """Per token offset, True when no quoted region (marks included) holds it: `quoted.at` for all at once."""
    if not quoted.regions:
        return np.ones(len(offsets), dtype=bool)
    opens = np.array([region.open_mark for region in quoted.regions], dtype=np.int64)
    closes = np.array([region.close_end for region in quoted.regions], dtype=np.int64)
    i = np.searchsorted(opens, offsets, side="right") - 1
    return ~((i >= 0) & (offsets < closes[np.maximum(i, 0)]))


def _cue_positions(doc: Doc, lexicon: CueLexicon, quoted: RegionIndex, starts: frozenset[str],
                   broad: bool | np.ndarray) -> tuple[list[int], np.ndarray]:
    """The tokens, outside quotation marks, that can open a candidate: a superset of those for which
    `_token_candidate` (or `broad_candidate`, for the tokens `broad` allows) gives one, found on arrays
    of the parse so the per-token Python work runs only for them; and which of them may be broad."""
    strings = doc.vocab.strings
    table = doc.to_array([IDX, HEAD, POS, DEP, LEMMA, LOWER])
    pos, dep, lemma, lower = table[:, 2], table[:, 3], table[:, 4], table[:, 5]
    verb = (pos == POS_IDS["VERB"]) | (pos == POS_IDS["AUX"])
    noun = (pos == POS_IDS["NOUN"]) | (pos == POS_IDS["PROPN"])
    flags = _word_flags(lexicon, starts)
    lemma_in, lower_in = _flags_of(lemma, flags), _flags_of(lower, flags)
    maybe = (lower == strings[":"]) | ((lower == strings["in"]) & (dep == strings["prep"])) | (lower_in & _START > 0)
    maybe |= (pos == POS_IDS["ADJ"]) & (lemma_in & _ADJECTIVE > 0)
    maybe |= verb & (lemma_in & _VERB > 0)
    maybe |= noun & (lemma_in & _NOUN > 0)
    heads = np.arange(len(doc)) + table[:, 1].astype(np.int64)
    content_child = np.isin(dep, [strings[label] for label in _BROAD_CONTENT_DEPS]) & (heads != np.arange(len(doc)))
    governs = np.zeros(len(doc), dtype=bool)
    governs[heads[content_child]] = True
    broad_pos = (pos == POS_IDS["VERB"]) | (pos == POS_IDS["NOUN"])
    allowed = broad_pos & governs & broad
    maybe = (maybe | allowed) & _outside_quotes(table[:, 0].astype(np.int64), quoted)
    return np.flatnonzero(maybe).tolist(), allowed


def reported_candidates(doc: Doc, text: str, lexicon: CueLexicon, quoted: RegionIndex, *,
                        broad: bool | np.ndarray = False) -> Iterator[Candidate]:
    """Every cue outside quotation marks that governs content, in text order, content trimmed
    (`text` is `doc.text`, which spaCy rebuilds on every access). With `broad` (True, or a per-token
    mask such as the detector's gate gives), verbs the rules pass over are offered too
    (`broad_candidate`), for the learned detector to judge."""
    starts = frozenset(phrase[0] for phrase in lexicon.prepositions)
    if not len(doc):
        return
    positions, allowed = _cue_positions(doc, lexicon, quoted, starts, broad)
    for i in positions:
        token = doc[i]
        found = _token_candidate(doc, text, token, lexicon, starts)
        readings = [found] if found is not None else broad_candidates(token, lexicon) if allowed[i] else []
        for reading in readings:
            if _finish(doc, text, reading, token, quoted):
                yield reading


def _finish(doc: Doc, text: str, found: Candidate, token: Token, quoted: RegionIndex) -> bool:
    """Clip and trim a candidate's content in place; False when nothing is left of it."""
    start, end = paragraph_clip(text, found.start, found.end, token.idx)
    found.start, found.end = trim(text, *conservative_end(doc, start, end, quoted))
    if found.speaker is not None and quoted.at(found.speaker.start) is not None:
        found.speaker = None  # a subject inside a quotation is the quote's, not the cue's
    return found.end > found.start
