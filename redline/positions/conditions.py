"""Conditional positions with no cue word: "talks would never happen unless X" is a precondition (X);
"we will respond if X" is a red line (X)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from redline.datafiles import word_set
from redline.doctable import token_table

from .finding import Finding
from .lexicon import StanceLexicon
from .syntax import subjects

INDIRECT_QUESTION = word_set("wh_words.indirect_question")  # "asked whether", "decide how"


def condition_findings(sent: Span, lexicon: StanceLexicon) -> list[Finding]:
    """Preconditions and conditional threats in the sentence."""
    found = []
    deps = token_table(sent.doc).dep
    for i in range(sent.start, sent.end):
        if deps[i] not in ("mark", "prep"):
            continue  # only a mark or "without" opens a condition (`_clause`): the cheap test first
        finding = _condition(sent, sent.doc[i], lexicon)
        if finding is not None:
            found.append(finding)
    return found


def _condition(sent: Span, mark: Token, lexicon: StanceLexicon) -> Finding | None:
    """The position a subordinating word opens, or None."""
    word = mark.lower_
    clause = _clause(mark)
    if clause is None:
        return None
    main = mark.head if mark.dep_ == "prep" else clause.head  # "would not leave [without [receiving ...]]"
    if main is clause or not sent.start <= main.i < sent.end:
        return None
    only = (mark.i > sent.start and mark.doc[mark.i - 1].lower_ == "only") or any(
        c.lower_ == "only" and c.dep_ == "advmod" for c in main.children)
    negated = any(c.dep_ == "neg" or c.lower_ in lexicon.never for c in main.children)
    if _indirect(main) or any(c.dep_ == "acomp" and c.lemma_.lower() in lexicon.question_adjectives for c in main.children):
        return None
    if word in lexicon.condition_marks or (only and word in lexicon.condition_marks_only) or (
        negated and word in lexicon.condition_marks_negated
    ):
        stance = "precondition"
    elif word == "if" and _threatens(main, clause, lexicon):
        stance = "red_line"
    elif word == "if" and main.lemma_.lower() in lexicon.warning_verbs:
        stance = "reject"  # "warned of an exodus if attack orders were given": against the condition
    elif word == "until" and main.lemma_.lower() in lexicon.until_verbs:
        stance = "precondition"  # "will stay until progress is made": a condition for leaving
    else:
        return None
    region = (clause.left_edge.i, clause.right_edge.i + 1)
    return Finding(stance, mark, sent, subjects(main), [clause], region, kind="condition")


def _indirect(main: Token) -> bool:
    """True for a clause in an indirect question ("whether Turkey would fight ... if they intervened")."""
    current = main
    for _ in range(6):
        if any(c.lower_ in INDIRECT_QUESTION and c.dep_ in ("mark", "advmod") for c in current.children):
            return True
        if current.head is current:
            return False
        current = current.head
    return False


def _clause(mark: Token) -> Token | None:
    """The head of the clause a mark or "without" opens ("unless [the U.S. revokes ...]")."""
    if mark.dep_ == "mark" and mark.head.pos_ in ("VERB", "AUX"):
        return mark.head
    if mark.dep_ == "prep" and mark.lower_ == "without":
        return next((c for c in mark.children if c.dep_ in ("pcomp", "pobj")), None)
    return None


def _threatens(main: Token, clause: Token, lexicon: StanceLexicon) -> bool:
    """True when the main clause (the condition left out) threatens a response ("right to respond")."""
    inside = {t.i for t in clause.subtree}
    head = main
    while head.dep_ in ("xcomp", "acl", "dobj", "ccomp") and head.head is not head:
        head = head.head
    return any(t.i not in inside and t.pos_ == "VERB" and t.lemma_.lower() in lexicon.threat_verbs for t in head.subtree)
