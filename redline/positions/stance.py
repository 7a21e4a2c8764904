"""Stance classification from cue words: which stance a cue shows in its clause, on what, held by whom.

Verbs ("demand", "reject", "refused to negotiate"), predicative adjectives ("ready to discuss",
"non-negotiable"), nouns that name their holder ("Trump's demand", "preconditions put forward by
Washington") and multi-word phrases ("a red line", "off the table", "draw the line at") each read their
clause differently; negation flips or drops a stance as the lexicon says.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set
from redline.doctable import token_table

from .finding import Finding
from .lexicon import Cue, Phrase, StanceLexicon
from .nouns import noun_finding
from .objects import expand, said_of, stance_of
from .phrases import phrase_finding
from .syntax import prep_objects, subjects
from .verbs import verb_finding

INDIRECT_QUESTION = word_set("wh_words.indirect_question")  # "asked whether", "decide how"
ADJECTIVE_ISSUE_PREPS = word_set("prepositions.adjective_issue")  # "open to", "firm on"


def cue_findings(sent: Span, lexicon: StanceLexicon, phrases: list[tuple[int, int, Phrase]]) -> list[Finding]:
    """Every stance a cue word or phrase shows in the sentence."""
    found: list[Finding] = []
    if sent.text.rstrip(" ”\"'’").endswith("?"):
        return found  # a question takes no position
    in_phrase = {i for start, end, _ in phrases for i in range(start, end)}
    for start, end, phrase in phrases:
        finding = phrase_finding(sent, sent.doc[start:end], phrase, lexicon)
        if finding is not None:
            found.append(finding)
    cue_words = lexicon.cue_words
    words = token_table(sent.doc)
    for i in range(sent.start, sent.end):
        if i in in_phrase or (words.lemma[i] not in cue_words and words.lower[i] not in cue_words):
            continue  # the cheap test first: most words are no cue
        token = sent.doc[i]
        if _in_condition(token, lexicon) or _hedged(token, lexicon):
            continue
        finding = _token_finding(sent, token, lexicon)
        if finding is not None:
            found.append(finding)
    return found


def _in_condition(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a word inside an "if"/"unless" clause: what it says is hypothetical (conditions.py reads it)."""
    marks = lexicon.condition_marks | lexicon.condition_marks_only | lexicon.condition_marks_negated
    current = token
    for _ in range(8):
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and (c.lower_ in marks or _so_long_as(c)) for c in current.children):
            return not _asks(current.head, lexicon)
        if current.head is current:
            return False
        current = current.head
    return False


def _hedged(token: Token, lexicon: StanceLexicon) -> bool:
    """True for a cue the sentence only guesses at: under "appears to" / "seems to", in an indirect
    question ("how far it is ready to ...", "whether it would accept") or in a clause used as a subject."""
    current = token
    for _ in range(6):
        if current.dep_ in ("csubj", "csubjpass"):
            return True
        if current.pos_ in ("VERB", "AUX") and any(
            c.lower_ in INDIRECT_QUESTION or any(g.lower_ == "how" for g in c.children) for c in current.children
            if c.dep_ in ("advmod", "mark")
        ):
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in lexicon.hedges:
            return True
        if current.dep_ not in ("xcomp", "acomp", "prep", "pobj", "pcomp", "amod", "compound", "dobj", "aux") or current.head is current:
            return False
        current = current.head
    return False


def _asks(head: Token, lexicon: StanceLexicon) -> bool:
    """True when an "if" clause hangs from "it is unclear": an indirect question, not a condition."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in lexicon.question_adjectives for c in head.children)


def _so_long_as(mark: Token) -> bool:
    """True for the "as" of "so long as" / "as long as"."""
    return mark.lower_ == "as" and mark.i > 0 and mark.doc[mark.i - 1].lower_ == "long"


def _token_finding(sent: Span, token: Token, lexicon: StanceLexicon) -> Finding | None:
    """The stance one token shows as a verb, adjective or noun cue, or None."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and lemma in lexicon.nouns:
        return noun_finding(sent, token, lexicon.nouns[lemma], lexicon)  # "Erdoğan's calls" tagged a verb
    if token.pos_ in ("VERB", "AUX") and lemma in lexicon.verbs:
        return verb_finding(sent, token, lexicon.verbs[lemma], lexicon)
    if token.pos_ == "ADJ" and (lemma in lexicon.adjectives or token.lower_ in lexicon.adjectives):
        return _adjective_finding(sent, token, lexicon.adjectives.get(lemma) or lexicon.adjectives[token.lower_], lexicon)
    if token.pos_ in ("NOUN", "PROPN") and lemma in lexicon.nouns:
        return noun_finding(sent, token, lexicon.nouns[lemma], lexicon)
    if token.pos_ == "VERB" and token.lower_ in lexicon.adjectives and token.dep_ in ("acomp", "amod"):
        return _adjective_finding(sent, token, lexicon.adjectives[token.lower_], lexicon)  # "prepared", "determined"
    return None


def _adjective_finding(sent: Span, adj: Token, cue: Cue, lexicon: StanceLexicon) -> Finding | None:
    """A predicative adjective: "ready to discuss X" (the subject holds it), "X is non-negotiable" (the
    subject is the issue, held by its possessor or whoever says so)."""
    if adj.dep_ == "amod" and adj.pos_ == "ADJ":
        return None
    stance = stance_of(cue, adj, lexicon)
    if stance is None:
        return None
    complements = [c for c in adj.children if c.dep_ in ("xcomp", "ccomp")]
    complements += prep_objects(adj, cue.preps or ADJECTIVE_ISSUE_PREPS)
    if complements:
        return Finding(stance, adj, sent, subjects(adj), expand(complements, lexicon))
    return said_of(sent, adj, stance, lexicon) if cue.said_of else None

