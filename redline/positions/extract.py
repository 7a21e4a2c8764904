"""The "positions" pipeline stage: each party's stance on each issue, with the sentence that shows it.

    extract_positions(doc, actors, quotes, published="2026-02-11")                  # open mode
    extract_positions(doc, actors, quotes, profile=CaseProfile.load("us-iran-2026"))  # a case's issues

With a profile, a position's issue is a profile issue key and positions on nothing the profile knows are
left out; in open mode it is the raw issue phrase of this article (`normalise_issues` merges phrases
across articles).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from redline.stages import stage

from .conditions import condition_findings
from .finding import Finding
from .holder import FIRST_PERSON, NON_OFFICIAL, THIRD_PERSON, Holder, HolderResolver
from .issues import open_issues, profile_issues
from .lexicon import StanceLexicon, stance_lexicon
from .model import Position
from .profile import CaseProfile
from .similar import similar_findings
from .stance import cue_findings, phrase_hits


@dataclass(frozen=True, slots=True)
class _Voice:
    """Who voiced a finding and whether that is an official voice; whether it is reported second-hand."""

    via: str | None
    official: bool
    reported: bool


@stage("positions", requires=("Doc", "Article.actors", "Article.quotes"), assigns=("Article.positions",))
def extract_positions(doc: Doc, actors, quotes, *, published: str | None = None, profile: CaseProfile | None = None,
                      events=None) -> list[Position]:
    """The positions of a parsed article: party, stance, issue, who voiced it, and the evidence sentence.

    `actors` is the article's ActorIndex (None works, with less to go on), `quotes` its quotes; `events`
    is accepted for the pipeline's sake and not used yet.
    """
    del events
    if len(doc) == 0:
        return []
    from redline.actors import ActorDictionary

    lexicon = stance_lexicon()
    resolver = HolderResolver(doc, actors, quotes, lexicon=lexicon, profile=profile, dictionary=ActorDictionary.load())
    findings = _findings(doc, quotes, lexicon)
    positions: list[Position] = []
    recent: list[tuple[int, list[str]]] = []  # (sentence start, issues) of the last findings with a clear issue
    for finding in findings:
        holders = _holders(finding, resolver, lexicon)
        if not holders:
            continue
        issues = _issues(finding, resolver, lexicon, profile, recent)
        if not issues:
            continue
        voice = _voice(finding, resolver, lexicon)
        positions.extend(_position(finding, h, issue, voice, published) for h in holders for issue in issues)
    return _unique(positions)


def _findings(doc: Doc, quotes: list, lexicon: StanceLexicon) -> list[Finding]:
    """Every finding of the article in text order: cue words, conditions, then cue-less quoted sentences."""
    hits = phrase_hits(doc, lexicon)
    found: list[Finding] = []
    for sent in doc.sents:
        inside = [h for h in hits if sent.start <= h[0] < sent.end]
        found.extend(cue_findings(sent, lexicon, inside))
        found.extend(condition_findings(sent, lexicon))
    claimed = {f.sentence.start for f in found}
    found.extend(similar_findings(doc, quotes, claimed, lexicon))
    return sorted(found, key=lambda f: (f.sentence.start, f.cue.i))


def _holders(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon) -> list[Holder]:
    """The parties holding a finding: its subject words; else the issue's possessor; else the speaker of
    the quote it sits in (a clause whose subject is no party: "talks would never happen unless ...")."""
    found = []
    for token in finding.holders:
        holder = resolver.of_token(token)
        if holder is not None and all(h.party != holder.party for h in found):
            found.append(holder)
    if found or not (finding.kind != "cue" or _may_fall_back(finding.holders, lexicon)):
        return found
    if finding.owner is not None:
        owner = resolver.of_token(finding.owner)
        if owner is not None:
            return [owner]
    quote = resolver.quote_near(finding.cue)
    speaker = resolver.of_speaker(quote) if quote is not None else None
    return [speaker] if speaker is not None else []


def _may_fall_back(tokens: list[Token], lexicon: StanceLexicon) -> bool:
    """True when the subject words name no one ("talks", "it", none): the voice of the sentence holds it."""
    return all(t.pos_ == "PRON" and (t.lower_ in FIRST_PERSON or t.lower_ in THIRD_PERSON) for t in tokens)


def _issues(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon, profile: CaseProfile | None,
            recent: list[tuple[int, list[str]]]) -> list[str]:
    """The finding's issues: profile keys, or open-mode phrases (a vague object -- "the move" -- takes the
    issue of a finding in the previous two sentences)."""
    if profile is not None:
        return profile_issues(finding, profile)
    labels = open_issues(finding, lexicon, lambda t: _is_party_word(t, resolver))
    sentence_start = finding.sentence.start
    if labels:
        recent.append((sentence_start, labels))
        return labels
    if recent and recent[-1][0] < sentence_start and _sentences_between(finding, recent[-1][0]) <= 2:
        return recent[-1][1]
    return []


def _sentences_between(finding: Finding, start: int) -> int:
    """How many sentence starts lie between a token index and the finding's sentence."""
    doc = finding.sentence.doc
    return sum(1 for t in doc[start:finding.sentence.start] if t.is_sent_start)


def _is_party_word(token: Token, resolver: HolderResolver) -> bool:
    """True for a possessive to leave out of an issue: a pronoun, or a state or organisation (not a person:
    "Assad's departure" keeps its name)."""
    if token.pos_ == "PRON":
        return True
    holder = resolver.of_token(token)
    return holder is not None and holder.via is None


def _voice(finding: Finding, resolver: HolderResolver, lexicon: StanceLexicon) -> _Voice:
    """Who voiced the finding (the quote's speaker), whether officially, and whether it is second-hand."""
    quote = resolver.quote_near(finding.cue)
    text = finding.sentence.text.lower()
    reported = any(marker in text for marker in lexicon.reported_markers)
    if quote is None:
        return _Voice(None, True, reported)
    speaker = getattr(quote, "speaker", None)
    words = (speaker or "").lower().split()
    if words and words[-1] in lexicon.reported_sources:
        return _Voice(None, True, True)
    actor = resolver.actors.by_name(speaker) if speaker and resolver.actors is not None else None
    official = actor is None or getattr(actor, "sector", None) not in NON_OFFICIAL
    if actor is not None and getattr(actor, "sector", None) == "media" and getattr(actor, "kind", None) == "organisation":
        return _Voice(None, True, True)
    return _Voice(actor.name if actor is not None else None, official, reported)


def _position(finding: Finding, holder: Holder, issue: str, voice: _Voice, published: str | None) -> Position:
    """One Position record."""
    sent = finding.sentence
    via = holder.via or voice.via
    official = holder.official and (voice.official or voice.via is None or voice.via == holder.via)
    if holder.via is not None and voice.via is not None and holder.via != voice.via:
        official = holder.official and voice.official
    return Position(
        actor=holder.party, actor_country=holder.country, issue=issue, stance=finding.stance, official=official,
        reported=voice.reported, via=via, text=sent.text, start=sent.start_char, end=sent.end_char, date=published,
    )


def _unique(positions: list[Position]) -> list[Position]:
    """The positions without repeats of one (party, stance, issue) in one sentence."""
    seen, kept = set(), []
    for p in positions:
        key = (p.actor, p.stance, p.issue, p.start)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept
