"""The deal space over many articles: evidence built one way, issues merged (open mode) or mapped onto a
profile with each stance's direction, then the analysis; and `analysis_json`, the one JSON form that
`redline extract`, `redline batch` and the views give.

    evidence = article_evidence(articles)            # or stored_evidence(store), or make_evidence(...)
    deal_space(evidence, profile=None) -> Analysis   # issues, weighed stances, status, shifts
    analysis_json(evidence, profile=None) -> dict    # the analysis as JSON
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from redline.dealspace.direction import direction_of
from redline.dealspace.issues import IssueInfo, IssueMap, map_issues, sign_phrase, written_phrase
from redline.dealspace.model import Analysis, Evidence
from redline.dealspace.rules import AnalysisRules
from redline.dealspace.status import analyse
from redline.positions.lexicon import stance_lexicon
from redline.positions.model import STANCES, Position
from redline.positions.profile import CaseProfile
from redline.records import Article


def voice_of(position: Position, role: str | None = None, rules: AnalysisRules | None = None) -> str:
    """Who speaks: `leader` (head of state or government), `official`, `legislator` (a senator, an MP,
    Congress) or `commentary` (analysts, journalists, former office-holders)."""
    if not position.official:
        return "commentary"
    rules = rules or AnalysisRules.load()
    role_words = _words(role)
    said_by = _words(f"{role or ''} {position.via or ''}")
    if _holds(role_words, rules.former_markers):
        return "commentary"
    if _holds(said_by, rules.legislator_roles):
        return "legislator"
    if _holds(role_words, rules.leader_roles) and not _holds(role_words, rules.not_leader_markers):
        return "leader"
    return "official"


def _words(text: str | None) -> str:
    """Text as roles are matched: lower case words between spaces, hyphens and commas as spaces."""
    return " " + " ".join((text or "").casefold().replace("-", " ").replace(",", " ").split()) + " "


def _holds(words: str, terms: tuple[str, ...]) -> bool:
    """True when one of the terms occurs as whole words."""
    return any(f" {term} " in words for term in terms)


def make_evidence(position: Position, *, article_id: str, source: str | None, published: str | None,
                  role: str | None = None, rules: AnalysisRules | None = None, record_id: str | None = None,
                  review: str | None = None) -> Evidence:
    """A position as evidence: the article it came from and who voiced it (`role`: the voicing person's role);
    from a store also its stable id and the analyst's latest verdict on it."""
    return Evidence(position=position, article_id=article_id, source=source, published=published,
                    voice=voice_of(position, role, rules), record_id=record_id, review=review)


def article_evidence(articles: Iterable[Article]) -> list[Evidence]:
    """The positions of first copies, each with the article it came from."""
    found = []
    for a in articles:
        if a.duplicate_of:
            continue
        roles = {actor.name: actor.role for actor in a.actors if getattr(actor, "role", None)}
        found.extend(make_evidence(p, article_id=a.id, source=a.source, published=a.published, role=roles.get(p.via))
                     for p in a.positions)
    return found


def stored_evidence(rows: Iterable[Any], roles: Mapping[tuple[str, str], str] | None = None) -> list[Evidence]:
    """Evidence from stored position rows (`Store.stage_records("positions")`: record, article_id, source,
    published) and the stored actors' roles by (article id, name)."""
    roles = roles or {}
    return [make_evidence(r.record, article_id=r.article_id, source=r.source, published=r.published,
                          role=roles.get((r.article_id, r.record.via or "")), record_id=r.id,
                          review=r.review) for r in rows]


@dataclass(slots=True)
class Placed:
    """The evidence with its issue key and direction set (left-out items keep their phrase, no direction)."""

    evidence: list[Evidence]
    issues: IssueMap


def place(evidence: list[Evidence], *, profile: CaseProfile | None = None,
          rules: AnalysisRules | None = None) -> Placed:
    """Each evidence's issue (merged across articles or the profile's) and direction toward its proposition."""
    rules = rules or AnalysisRules.load()
    if profile is not None:
        evidence = [_as_profile_party(e, profile) for e in evidence]
    issues = map_issues([e.position for e in evidence], profile=profile, rules=rules)
    placed = []
    for e, where in zip(evidence, issues.placements):
        if where.key is None or e.position.stance not in STANCES:
            placed.append(e)
            continue
        direction = direction_of(e.position.stance, where.sign, rules)
        if direction == "for" and e.position.stance in rules.own_terms_stances:
            if on_the_agenda(e.position, rules):  # "wants the talks to focus on ...": open to negotiate it
                direction = rules.agenda_direction
            elif own_terms(e.position, issues.issues[where.key], rules):
                direction = rules.own_terms_direction
        placed.append(replace(e, position=replace(e.position, issue=where.key), direction=direction))
    if rules.same_sentence_accommodating_wins:
        placed = settle_sentences(placed)
    return Placed(evidence=placed, issues=issues)


def _as_profile_party(evidence: Evidence, profile: CaseProfile) -> Evidence:
    """The evidence with its party named as the profile names it (an alias such as "Tehran" or "HNC" merges
    into the profile's party); unchanged when the profile has no such party."""
    name = profile.party(evidence.position.actor)
    if name is None or name == evidence.position.actor:
        return evidence
    return replace(evidence, position=replace(evidence.position, actor=name))


def own_terms(position: Position, issue: IssueInfo, rules: AnalysisRules) -> bool:
    """True when the party sets terms on a proposition about its own programme: it is the profile issue's
    subject; with no subject (open mode), the issue phrase as written is its own ("Iran's missiles", "our
    missiles")."""
    if issue.subject:
        return position.actor == issue.subject
    phrase = written_phrase(position) or ""
    if not phrase:
        return False
    owner = re.escape(position.actor)
    mine = "|".join(re.escape(w) for w in rules.own_possessives)
    return bool(re.search(rf"(?<!\w){owner}['’]s(?!\w)", phrase, re.IGNORECASE)
                or (mine and re.search(rf"(?<!\w)(?:{mine})(?!\w)", phrase, re.IGNORECASE)))


def on_agenda_words(words: list[str], rules: AnalysisRules) -> bool:
    """True when the words before an issue phrase put it on the talks' agenda ("wants the talks to focus
    solely on [nuclear issues]"): an agenda word with no stance cue after it ("in negotiations with Iran,
    including demanding [concessions]" asks for the concessions)."""
    last = max((n for n, w in enumerate(words) if w in rules.agenda_words), default=None)
    return last is not None and not any(_is_cue(w) for w in words[last + 1:])


@lru_cache(maxsize=4096)
def _is_cue(word: str) -> bool:
    """True for a stance cue word or an inflection of one ("demanding", "wants")."""
    lexicon = stance_lexicon()
    cues = lexicon.cue_words | frozenset(lexicon.verbs)
    return word in cues or any(word.startswith(c) and len(word) - len(c) <= 3 for c in cues if len(c) >= 4)


def on_the_agenda(position: Position, rules: AnalysisRules) -> bool:
    """True when a demand or precondition asks for the issue to be talked about, not for the proposition."""
    context = sign_phrase(position, rules)
    phrase = (written_phrase(position) or position.issue or "")
    before = _fold_words(context[:max(0, len(context) - len(phrase))])[-rules.agenda_context_words:]
    return on_agenda_words(before, rules)


def _fold_words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return re.findall(r"[^\W\d_]+", text.casefold())


def settle_sentences(evidence: list[Evidence]) -> list[Evidence]:
    """Within one sentence, a party's `against` on an issue it is also open (or conditional) on takes the
    accommodating direction: "ready to prove ..., but will not give in" is an opening with a limit."""
    accommodating: dict[tuple, str] = {}
    for e in evidence:
        if e.direction in ("open", "conditional"):
            accommodating.setdefault(_sentence(e), e.direction)
    return [replace(e, direction=accommodating[_sentence(e)])
            if e.direction == "against" and _sentence(e) in accommodating else e for e in evidence]


def _sentence(e: Evidence) -> tuple:
    """One party's evidence on one issue from one sentence."""
    return (e.article_id, e.position.start, e.position.end, e.position.actor, e.position.issue)


def merged_evidence(evidence: list[Evidence], *, profile: CaseProfile | None = None) -> list[Evidence]:
    """The evidence with issues merged across articles (open mode) or mapped onto the profile's issues."""
    return place(evidence, profile=profile).evidence


def deal_space(evidence: list[Evidence], *, profile: CaseProfile | None = None,
               rules: AnalysisRules | None = None) -> Analysis:
    """Issues with each party's weighed stance, the status they leave (impasse, contested, agenda, ...), shifts.

    With a profile the status is computed over its parties; in open mode over every party.
    """
    rules = rules or AnalysisRules.load()
    return analysis_of(place(evidence, profile=profile, rules=rules), profile=profile, rules=rules)


def analysis_of(placed: Placed, *, profile: CaseProfile | None = None, rules: AnalysisRules | None = None) -> Analysis:
    """The analysis of evidence already placed (`place`) with the same profile."""
    rules = rules or AnalysisRules.load()
    infos = placed.issues.issues
    parties = [p.name for p in profile.parties] if profile is not None else None
    return analyse(placed.evidence, labels={k: i.label for k, i in infos.items()},
                   phrases={k: i.phrases for k, i in infos.items()}, parties=parties,
                   issues=[i.key for i in profile.issues] if profile is not None else None,
                   rules=rules, left_out=placed.issues.left_out, scope=parties)


def analysis_json(evidence: list[Evidence], *, profile: CaseProfile | None = None) -> dict[str, Any]:
    """The deal space as JSON: `issues` (issue, label, status, parties {stance, direction, evidence_count,
    sources, breakdown}, voices), `shifts`, `left_out`."""
    return deal_space(evidence, profile=profile).to_json()


def extract_document(articles: list[Article], *, profile: CaseProfile | None = None) -> dict[str, Any]:
    """`redline extract --format json`: the articles, their positions naming the deal space's issue keys
    (each keeps its own `issue_text`) with their direction, and the analysis."""
    evidence = article_evidence(articles)
    placed = place(evidence, profile=profile)
    by_position = {id(e.position): p for e, p in zip(evidence, placed.evidence)}
    records = []
    for article in articles:
        record = article.to_json()
        record["positions"] = [_position_json(by_position.get(id(p)), p) for p in article.positions]
        records.append(record)
    return {"articles": records, "analysis": analysis_of(placed, profile=profile).to_json()}


def _position_json(placed: Evidence | None, original: Position) -> dict[str, Any]:
    """A position as extract gives it: the deal space's issue key and the direction (None when left out)."""
    if placed is None:
        return {**original.to_json(), "direction": None, "voice": None}
    return {**placed.position.to_json(), "direction": placed.direction, "voice": placed.voice}
