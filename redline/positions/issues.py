"""Issues of one finding: normalised phrases built from the object's head words ("limits on its ballistic
missiles" -> "limit on ballistic missile"). A case profile plays no part here: the deal space maps phrases
onto a profile's issues at query time."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .finding import Finding
from .lexicon import StanceLexicon

SKIP = frozenset({"det", "punct", "cc", "conj", "relcl", "appos", "advcl", "nsubj", "nsubjpass", "aux", "auxpass",
                  "neg", "mark", "advmod", "case", "preconj", "predet", "parataxis", "dep", "expl", "csubj", "intj"})
MODIFIERS = frozenset({"compound", "amod", "nummod", "nmod", "prt", "quantmod", "npadvmod", "poss", "acomp"})
BOUNDARY_WORDS = frozenset({"but", "while", "whereas", ";", "although", "though"})


def region(finding: Finding) -> tuple[int, int]:
    """The token range of a finding's issue: its objects, running on to the end of their clause (so that
    objects the parse attached elsewhere, "... and support for regional groups", stay in)."""
    if finding.region is not None:
        return finding.region
    if not finding.objects:
        return (0, 0)
    sent = finding.sentence
    start = min(o.left_edge.i for o in finding.objects)
    inside = {t.i for o in finding.objects for t in o.subtree}
    end = max(o.right_edge.i for o in finding.objects) + 1
    while end < sent.end:
        token = sent.doc[end]
        if token.lower_ in BOUNDARY_WORDS or token.i == finding.cue.i:
            break
        if token.i not in inside and token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            break
        end += 1
    return (start, end)


def open_issues(finding: Finding, lexicon: StanceLexicon, drop: Callable[[Token], bool]) -> list[str]:
    """Normalised issue phrases of a finding's objects (vague ones -- "it", "the move" -- left out)."""
    labels = []
    for head in finding.objects + _stray_conjuncts(finding):
        if is_vague(head, lexicon):
            continue
        label = phrase_label(head, lexicon, drop)
        if label and label not in labels:
            labels.append(label)
    return labels


def _stray_conjuncts(finding: Finding) -> list[Token]:
    """Nouns coordinated with the objects in the text but attached elsewhere by the parse ("demanding
    concessions on X, and support for regional groups" with "support" hung from the main verb)."""
    if not finding.objects or finding.region is not None:
        return []
    start, end = region(finding)
    inside = {t.i for o in finding.objects for t in o.subtree}
    doc = finding.sentence.doc
    return [t for t in doc[start:end] if t.dep_ == "conj" and t.pos_ == "NOUN" and t.i not in inside and not start <= t.head.i < end]


def is_vague(head: Token, lexicon: StanceLexicon) -> bool:
    """True for an object too vague to name an issue on its own ("it", "the move", "excessive demands");
    "nuclear issues" and "the decision to withdraw" are specific enough."""
    if head.lower_ not in lexicon.vague_objects and head.lemma_.lower() not in lexicon.vague_objects:
        return head.pos_ in ("PRON", "DET", "PUNCT", "NUM")
    specific = ("prep", "acl", "ccomp", "compound", "amod", "nmod")
    return not any(c.dep_ in specific and c.lower_ not in lexicon.vague_modifiers for c in head.children)


def phrase_label(head: Token, lexicon: StanceLexicon, drop: Callable[[Token], bool]) -> str:
    """The issue phrase a head word gives: the head, its modifiers and up to two attached phrases,
    lemmatised, without determiners or party possessives, at most `max_words` words. A vague head with a
    relative clause takes the clause ("anything that cuts across the UN process" -> "cut across UN
    process")."""
    if head.lower_ in lexicon.vague_objects:
        clause = next((c for c in head.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"), None)
        if clause is not None:
            head = clause
    tokens = sorted(set(_collect(head, lexicon, drop, 0) + _attached_low(head, lexicon, drop)), key=lambda t: t.i)
    tokens = [t for t in tokens if not t.is_punct or t.text == "-"][: lexicon.issues.max_words]
    while tokens and (tokens[-1].dep_ == "prep" or tokens[-1].text == "-"):
        tokens.pop()  # a trailing preposition whose object was cut
    text = ""
    for n, token in enumerate(tokens):
        glued = n > 0 and (not tokens[n - 1].whitespace_ and tokens[n - 1].i + 1 == token.i)
        text += ("" if glued or n == 0 else " ") + _word(token)
    return text.strip()


def _attached_low(head: Token, lexicon: StanceLexicon, drop: Callable[[Token], bool]) -> list[Token]:
    """A prepositional phrase right after a noun that the parse attached higher up ("limits [on its
    missiles]" hung from the verb): read with the noun, as the nearer attachment usually is."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    after = head.right_edge.i + 1
    if after >= len(head.doc) or after >= head.sent.end:
        return []
    prep = head.doc[after]
    if prep.dep_ != "prep" or prep.head.i == head.i or prep.lower_ not in lexicon.issues.keep_preps or prep.head.i > head.i:
        return []
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return [prep, *_collect(objects[0], lexicon, drop, 1)] if objects else []


def _collect(token: Token, lexicon: StanceLexicon, drop: Callable[[Token], bool], depth: int) -> list[Token]:
    """The tokens of an issue phrase under one head word."""
    out = [token]
    verbal = token.pos_ in ("VERB", "AUX")
    for child in token.children:
        dep = child.dep_
        if verbal and dep == "nsubjpass" and depth == 0 and child.pos_ != "PRON":
            out.extend(_collect(child, lexicon, drop, depth + 1))  # "until the tariffs are lifted"
            continue
        if dep in SKIP or (dep == "poss" and drop(child)):
            continue
        if dep in MODIFIERS or (dep == "punct" and child.text == "-"):
            out.extend(t for t in child.subtree if t.dep_ not in ("det", "relcl", "punct") or t.text == "-")
        elif dep in ("prep", "agent") and child.lower_ in lexicon.issues.keep_preps and depth < 2:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                out.append(child)
                out.extend(_collect(objects[0], lexicon, drop, depth + 1))
        elif (verbal and dep in ("dobj", "attr", "xcomp", "oprd", "dative") and depth < 2) or (
            dep == "acl" and depth == 0 and child.pos_ == "VERB"  # "the decision to withdraw ..."
        ):
            out.extend(_collect(child, lexicon, drop, depth + 1))
    return out


def _word(token: Token) -> str:
    """A token's form in an issue label: names as written, other words as lower-case lemmas."""
    if token.pos_ == "PROPN" or token.text.isupper():
        return token.text
    if token.pos_ in ("NOUN", "VERB"):
        return token.lemma_.lower()
    return token.lower_
