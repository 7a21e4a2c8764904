"""Reported speech from the dependency parse: a cue word, the clause it governs, and its subject.

Covers "X said (that) ...", "... , X said." (the clause is the verb's ccomp either way), "X said: ...",
"X vowed to ..." (intention verbs take an infinitive), "..., he said, ..." (parataxis), "according to X,
...", and noun cues with a that-clause ("his warning that ..."). Cues inside quotation marks are the
speaker's own words, not the article's attributions, and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .candidate import Candidate, Cue, trim
from .lexicon import CueLexicon
from .marks import RegionIndex
from .speaker import SpeakerSpan, speaker_span, speaker_token

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_COLON_WINDOW = 5  # tokens between a cue verb and its colon: "told reporters on Tuesday:"
_PREDICATE_DEPS = frozenset({"acomp", "oprd", "amod"})
_ADJECTIVE_PREPS = frozenset({"about", "of", "over", "to"})
# Prepositions after the object that belong to the content: "accused X of Y", "blamed X for Y",
# "described X as Y", "gave different numbers to different agencies".
_OBJECT_PREPS = frozenset({"of", "for", "as", "about", "over", "to"})
_MAX_NAME_TOKENS = 4
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NOUN_CONTENT_PREPS = frozenset({"about", "for", "on", "over", "against"})  # "calls for a ceasefire"
_AFTERTHOUGHT_DEPS = frozenset({"relcl", "appos"})
_THAT_DEPS = frozenset({"mark", "advmod", "nsubj"})
_PARALLEL_DEPS = frozenset({"advcl", "conj", "parataxis"})
_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})
_NOUN_CLAUSE = frozenset({"acl", "ccomp", "relcl", "appos"})
_NOUN_SOURCE_PREPS = frozenset({"by", "from", "of"})


def paragraph_clip(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """The span cut to the paragraph holding the cue: reported content never crosses a line break, even
    where the parser ran a sentence across one (headlines, datelines)."""
    first = text.rfind("\n", 0, anchor) + 1
    last = text.find("\n", anchor)
    return max(start, first), min(end, last if last >= 0 else len(text))


def conservative_end(doc: Doc, start: int, end: int, quoted: RegionIndex) -> tuple[int, int]:
    """The content without what the author adds after it: it stops at a semicolon, and before a trailing
    comma-set relative clause or apposition (", which ...", ", a former governor"), unless quoted."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return start, end
    for token in span:
        if quoted.at(token.idx) is not None:
            continue
        if token.text == ";" or (
            token.dep_ in _AFTERTHOUGHT_DEPS and token.i > span.start + 1 and token.right_edge.i >= span.end - 2
            and doc[token.left_edge.i - 1].text == ","
        ):
            return start, (token.idx if token.text == ";" else doc[token.left_edge.i - 1].idx)
    return start, end


def subtree_chars(token: Token) -> tuple[int, int]:
    """Character span of a token's subtree (it is contiguous in spaCy's projective parses)."""
    last = token.right_edge
    return token.left_edge.idx, last.idx + len(last.text)


def _child(token: Token, dep: str) -> Token | None:
    """The first child of the token with the dependency label."""
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


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


def _is_parallel_cue(token: Token, lexicon: CueLexicon) -> bool:
    """True for a cue verb hanging off the content that carries an attribution of its own: "..., arguing
    that ..." (advcl, parataxis), "... and warned X to ..." (a conjoined speech verb with its own clause)."""
    if token.dep_ not in _PARALLEL_DEPS or token.pos_ not in _VERB_POS:
        return False
    lemma = token.lemma_.lower()
    if token.dep_ != "conj":
        return lemma in lexicon.verbs
    return lemma in lexicon.speech and any(child.dep_ in ("ccomp", "xcomp") for child in token.children)


def _cut_point(root: Token, lexicon: CueLexicon) -> int | None:
    """Index of the first token of a parallel clause hanging off the content's root, if any:
    "..., arguing that ...", "... and warned ...", "...; they ..." are attributions or text of their own."""
    for child in root.rights:
        if child.text == ";" or _is_parallel_cue(child, lexicon):
            i = child.left_edge.i
            while i - 1 > root.i and (root.doc[i - 1].is_punct or root.doc[i - 1].dep_ == "cc"):
                i -= 1
            return i
    return None


def content_chars(root: Token, lexicon: CueLexicon, first: Token | None = None) -> tuple[int, int]:
    """Character span of the content headed by `root` (from `first` when given), cut before a parallel clause."""
    start = (first or root).left_edge.idx
    cut = _cut_point(root, lexicon)
    if cut is not None and cut > root.i:
        last = root.doc[cut - 1]
        return start, last.idx + len(last.text)
    return start, subtree_chars(root)[1]


def _object_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The direct object as content ("rejected the proposal"), with its predicate ("called it a hoax",
    "described the talks as constructive"); None for a bare pronoun."""
    if _child(verb, "nsubjpass") is not None:
        # "the deal was rejected by Iran": the passive subject is the content, the agent the source
        return subtree_chars(_child(verb, "nsubjpass")) if _child(verb, "agent") is not None else None
    obj = _child(verb, "dobj")
    if obj is None or (obj.pos_ == "PRON" and obj.left_edge.i == obj.right_edge.i):
        return None
    end = subtree_chars(obj)[1]
    for child in verb.rights:
        if child.i > obj.i and (child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS)):
            end = max(end, subtree_chars(child)[1])
    return obj.left_edge.idx, end


def _prepositional_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The object of the verb's content preposition: "called for a ceasefire", "spoke about the talks"."""
    preps = lexicon.prepositional_content.get(lemma)
    if not preps:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            target = _child(child, "pobj") or _child(child, "pcomp")
            return content_chars(target, lexicon) if target is not None else None
    return None


def _that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung elsewhere in the verb's phrase ("told X on a regular basis that ...",
    or "that" read as an adverb): its head, reached from the verb through nouns and prepositions only."""
    for token in verb.rights:
        for word in token.subtree:
            if word.lower_ != "that" or word.dep_ not in _THAT_DEPS or word.head.pos_ not in _VERB_POS:
                continue
            clause = word.head
            step = clause.head
            while step.i != verb.i and step.pos_ not in _VERB_POS and step.head.i != step.i:
                step = step.head
            if step.i == verb.i and clause.left_edge.i == word.i:
                return clause
            return None
    return None


def verb_content(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[int, int] | None:
    """The character span of what a cue verb attributes, or None when it governs no content."""
    clause = _child(verb, "ccomp")
    if clause is None and (lemma in lexicon.speech or lemma in lexicon.attitude):
        clause = _that_clause(verb)
    if clause is not None:
        return content_chars(clause, lexicon)
    if lemma in lexicon.intention:
        clause = _child(verb, "xcomp")
        if clause is not None:
            return content_chars(clause, lexicon)
    if lemma in lexicon.speech or lemma in lexicon.object_speaker:
        if verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and _child(verb, "mark") is not None
                                        and _child(verb, "mark").lower_ == "as"):
            return _host_content(verb)
        if verb.dep_ not in _MODIFIER_DEPS:  # "preconditions threatening security: ..." is no speech
            colon = _colon_content(verb)
            if colon is not None:
                return colon
    if lemma in lexicon.object_content:
        found = _object_content(verb, lemma, lexicon)
        if found is not None:
            return found
    return _prepositional_content(verb, lemma, lexicon)


def cue_of_verb(verb: Token, lemma: str) -> Cue:
    """The cue of a verb: its lemma, with its particle ("point out")."""
    particle = _child(verb, "prt")
    if particle is None:
        return Cue.of(verb, lemma)
    last = particle if particle.i > verb.i else verb
    return Cue.of(verb, f"{lemma} {particle.lower_}", last)


def _speaker(token: Token | None):
    """The speaker phrase of a token, or None."""
    return speaker_span(token) if token is not None else None


def _verb_candidate(verb: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from a cue verb that governs content."""
    content = verb_content(verb, lemma, lexicon)
    if content is None:
        return None
    return Candidate(*content, cue=cue_of_verb(verb, lemma), speaker=_speaker(speaker_token(verb, lexicon)))


def _noun_source(noun: Token, lexicon: CueLexicon) -> Token | None:
    """Who a cue noun belongs to: its possessor, its "by"/"from" object, or the subject of the verb it is
    the object of ("he made the claim that ...")."""
    owner = _child(noun, "poss")
    if owner is not None:
        return owner
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _NOUN_SOURCE_PREPS:
            target = _child(prep, "pobj")
            if target is not None and target.pos_ in ("PROPN", "PRON"):
                return target
    if noun.dep_ == "dobj":
        return speaker_token(noun.head, lexicon)
    return None


def _noun_candidate(noun: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from a cue noun with a that-clause: "his warning that ...", "her view is that ..."."""
    clause = None
    for child in noun.children:
        if child.dep_ in _NOUN_CLAUSE and child.left_edge.lower_ == "that" and child.left_edge.dep_ == "mark":
            clause = child
            break
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = _child(noun.head, "ccomp")
    if clause is None:
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ in _NOUN_CONTENT_PREPS:
                clause = _child(prep, "pobj") or _child(prep, "pcomp")
                break
    if clause is None:
        return None
    return Candidate(*subtree_chars(clause), cue=Cue.of(noun, lemma), speaker=_speaker(_noun_source(noun, lexicon)))


def _adjective_candidate(adjective: Token, lemma: str, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from an attitude adjective: "officials are confident that ...", "worried about ..."."""
    if adjective.dep_ not in _PREDICATE_DEPS:
        return None
    clause = _child(adjective, "ccomp") or _child(adjective, "xcomp")
    if clause is None:
        for prep in adjective.rights:
            if prep.dep_ == "prep" and prep.lower_ in _ADJECTIVE_PREPS:
                clause = _child(prep, "pobj") or _child(prep, "pcomp")
                break
    if clause is None:
        return None
    who = speaker_token(adjective.head, lexicon)
    return Candidate(*content_chars(clause, lexicon), cue=Cue.of(adjective, lemma), speaker=_speaker(who))


def _phrase_at(doc: Doc, i: int, lexicon: CueLexicon) -> tuple[str, ...] | None:
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


def _preposition_candidate(doc: Doc, i: int, phrase: tuple[str, ...]) -> Candidate | None:
    """A candidate from "according to X": the source is X, the content the rest of its sentence."""
    last = doc[i + len(phrase) - 1]
    source = _child(last, "pobj")
    content = _rest_of_sentence(doc, i, source.right_edge.i) if source is not None else None
    if content is None:
        return None
    return Candidate(*content, cue=Cue.of(doc[i], " ".join(phrase), last), speaker=speaker_span(source))


def _view_candidate(doc: Doc, prep: Token, lexicon: CueLexicon) -> Candidate | None:
    """A candidate from "in X's view" ("..., in Mr. Connolly's view"): the source is the possessor."""
    noun = _child(prep, "pobj")
    if noun is None or noun.lemma_.lower() not in lexicon.view_nouns:
        return None
    owner = _child(noun, "poss")
    content = _rest_of_sentence(doc, prep.i, noun.right_edge.i) if owner is not None else None
    if content is None:
        return None
    return Candidate(*content, cue=Cue.of(prep, f"in {noun.lemma_.lower()}", noun), speaker=speaker_span(owner))


def _name_colon_candidate(doc: Doc, colon: Token) -> Candidate | None:
    """A paragraph opening with a name and a colon, as in headlines and transcripts: "Pence: ...",
    "ZARIF: ..."; the content runs to the end of the paragraph."""
    text = doc.text
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
    span = doc.char_span(pos, min(pos + 1, len(doc.text)), alignment_mode="expand")
    i = span.start if span is not None else 0
    while i < len(doc) - 1 and doc[i].is_space:
        i += 1
    return i


def _token_candidate(doc: Doc, token: Token, lexicon: CueLexicon, starts: frozenset[str]) -> Candidate | None:
    """The candidate a token opens as a cue, if any."""
    if token.text == ":":
        return _name_colon_candidate(doc, token)
    if token.lower_ == "in" and token.dep_ == "prep":
        return _view_candidate(doc, token, lexicon)
    if token.lower_ in starts:
        phrase = _phrase_at(doc, token.i, lexicon)
        if phrase is not None:
            return _preposition_candidate(doc, token.i, phrase)
    pos = token.pos_
    if pos == "ADJ":
        lemma = token.lemma_.lower()
        return _adjective_candidate(token, lemma, lexicon) if lemma in lexicon.adjectives else None
    if pos not in _VERB_POS and pos not in _NOUN_POS:
        return None
    lemma = token.lemma_.lower()
    if pos in _VERB_POS and lemma in lexicon.verbs:
        return _verb_candidate(token, lemma, lexicon)
    if pos in _NOUN_POS and lemma in lexicon.nouns:
        return _noun_candidate(token, lemma, lexicon)
    return None


def reported_candidates(doc: Doc, lexicon: CueLexicon, quoted: RegionIndex) -> Iterator[Candidate]:
    """Every cue outside quotation marks that governs content, in text order, content trimmed."""
    text = doc.text
    starts = frozenset(phrase[0] for phrase in lexicon.prepositions)
    for token in doc:
        if quoted.at(token.idx) is not None:
            continue
        found = _token_candidate(doc, token, lexicon, starts)
        if found is None:
            continue
        start, end = paragraph_clip(text, found.start, found.end, token.idx)
        found.start, found.end = trim(text, *conservative_end(doc, start, end, quoted))
        if found.speaker is not None and quoted.at(found.speaker.start) is not None:
            found.speaker = None  # a subject inside a quotation is the quote's, not the cue's
        if found.end > found.start:
            yield found
