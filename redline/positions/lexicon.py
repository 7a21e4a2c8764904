"""The stance cue lexicon (`redline/data/stance_cues.yaml`), loaded once into frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from redline.datafiles import load_data_yaml

from .model import STANCES


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue word: the stance it shows affirmed, negated and under "never", and what it needs."""

    lemma: str
    pos: str  # verb | adjective | noun
    stance: str | None
    negated: str | None
    never: str | None
    preps: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    prep_stances: dict[str, str] = field(default_factory=dict)
    own_holder: bool = False
    holder: str | None = None  # verbs: "object" or "voice"
    deontic: bool = False
    said_of: bool = False
    not_with: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word cue: its lower-case words, stance, and how it finds its issue."""

    words: tuple[str, ...]
    stance: str | None
    role: str


@dataclass(frozen=True, slots=True)
class Prototypes:
    """Sentences per stance for cue-less positions, and the similarity they need."""

    threshold: float
    margin: float
    min_words: int
    stances: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Evaluations:
    """Prototype evaluations for rejections with no cue word, and the similarity they need."""

    threshold: float
    margin: float
    negative: tuple[str, ...]
    positive: tuple[str, ...]
    harm_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class IssueSettings:
    """How open-mode issue phrases are cut and merged."""

    max_words: int
    keep_preps: frozenset[str]
    merge_threshold: float
    profile_threshold: float
    common_share: float


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    """Everything the position stage reads from the YAML; see the file for what each list means."""

    verbs: dict[str, Cue]
    adjectives: dict[str, Cue]
    nouns: dict[str, Cue]
    phrases: tuple[Phrase, ...]
    negators: frozenset[str]
    never: frozenset[str]
    negating_verbs: frozenset[str]
    light_verbs: frozenset[str]
    noun_cue_verbs: frozenset[str]
    condition_marks: frozenset[str]
    condition_marks_negated: frozenset[str]
    condition_marks_only: frozenset[str]
    threat_verbs: frozenset[str]
    until_verbs: frozenset[str]
    question_adjectives: frozenset[str]
    warning_verbs: frozenset[str]
    hedges: frozenset[str]
    party_nouns: frozenset[str]
    deontic_modals: frozenset[str]
    no_comment: frozenset[str]
    not_issues: frozenset[str]
    reported_markers: tuple[str, ...]
    reported_sources: frozenset[str]
    collective_heads: frozenset[str]
    group_heads: frozenset[str]
    document_heads: frozenset[str]
    peoples: dict[str, str]
    vague_objects: frozenset[str]
    vague_modifiers: frozenset[str]
    cue_words: frozenset[str]
    prototypes: Prototypes
    describe_verbs: frozenset[str]
    evaluations: Evaluations
    issues: IssueSettings


class LexiconError(ValueError):
    """Raised when the stance cue lexicon names an unknown stance."""


def _stance(value: Any, where: str) -> str | None:
    """A stance name checked against STANCES (None stays None)."""
    if value is None:
        return None
    if value not in STANCES:
        raise LexiconError(f"stance_cues.yaml: {where}: unknown stance {value!r} (one of {', '.join(STANCES)})")
    return str(value)


def _words(data: dict, key: str) -> frozenset[str]:
    """One list of the YAML mapping as a set of lower-case entries."""
    words = data.get(key) or ()
    if any(isinstance(word, bool) for word in words):
        raise LexiconError(f"stance_cues.yaml: {key}: quote on/no/off/yes (YAML reads them bare as booleans)")
    return frozenset(str(word).strip().lower() for word in words)


def _cues(section: dict, pos: str) -> dict[str, Cue]:
    """The cue entries of one section (verbs, adjectives or nouns) by lemma."""
    cues = {}
    for lemma, spec in (section or {}).items():
        spec = spec or {}
        where = f"{pos} {lemma}"
        stance = _stance(spec.get("stance"), where)
        negated = _stance(spec.get("negated"), where)
        cues[str(lemma).lower()] = Cue(
            lemma=str(lemma).lower(), pos=pos, stance=stance, negated=negated,
            never=_stance(spec.get("never", negated), where),
            preps=_words(spec, "preps"),
            needs=frozenset(str(n) for n in spec.get("needs") or ()),
            prep_stances={str(p): _stance(s, where) for p, s in (spec.get("preps_stance") or {}).items()},
            own_holder=spec.get("holder") == "own",
            holder=spec.get("holder") if spec.get("holder") in ("object", "voice") else None,
            deontic=bool(spec.get("deontic", False)),
            said_of=bool(spec.get("said_of", False)),
            not_with=_words(spec, "not_with"),
        )
    return cues


def from_mapping(data: dict) -> StanceLexicon:
    """A lexicon from the parsed YAML mapping."""
    verbs, adjectives, nouns = _cues(data.get("verbs"), "verb"), _cues(data.get("adjectives"), "adjective"), _cues(data.get("nouns"), "noun")
    phrases = tuple(
        Phrase(tuple(str(p["words"]).lower().split()), _stance(p.get("stance"), f"phrase {p['words']}"), str(p.get("role", "object")))
        for p in data.get("phrases") or ()
    )
    proto = data.get("prototypes") or {}
    evaluations = data.get("evaluations") or {}
    issues = data.get("issues") or {}
    return StanceLexicon(
        verbs=verbs,
        adjectives=adjectives,
        nouns=nouns,
        phrases=tuple(sorted(phrases, key=lambda p: -len(p.words))),
        negators=_words(data, "negators"),
        never=_words(data, "never"),
        negating_verbs=_words(data, "negating_verbs"),
        light_verbs=_words(data, "light_verbs"),
        noun_cue_verbs=_words(data, "noun_cue_verbs"),
        condition_marks=_words(data, "condition_marks"),
        condition_marks_negated=_words(data, "condition_marks_negated"),
        condition_marks_only=_words(data, "condition_marks_only"),
        threat_verbs=_words(data, "threat_verbs"),
        until_verbs=_words(data, "until_verbs"),
        question_adjectives=_words(data, "question_adjectives"),
        warning_verbs=_words(data, "warning_verbs"),
        hedges=_words(data, "hedges"),
        party_nouns=_words(data, "party_nouns"),
        deontic_modals=_words(data, "deontic_modals"),
        no_comment=_words(data, "no_comment"),
        not_issues=_words(data, "not_issues"),
        reported_markers=tuple(sorted(_words(data, "reported_markers"), key=len, reverse=True)),
        reported_sources=_words(data, "reported_sources"),
        collective_heads=_words(data, "collective_heads"),
        group_heads=_words(data, "group_heads"),
        document_heads=_words(data, "document_heads"),
        peoples={str(k).lower(): str(v) for k, v in (data.get("peoples") or {}).items()},
        vague_objects=_words(data, "vague_objects"),
        vague_modifiers=_words(data, "vague_modifiers"),
        cue_words=frozenset(verbs) | frozenset(adjectives) | frozenset(nouns),
        prototypes=Prototypes(
            threshold=float(proto.get("threshold", 1.0)), margin=float(proto.get("margin", 0.0)),
            min_words=int(proto.get("min_words", 5)),
            stances={_stance(s, "prototypes"): tuple(map(str, texts)) for s, texts in (proto.get("stances") or {}).items()},
        ),
        describe_verbs=_words(data, "describe_verbs"),
        evaluations=Evaluations(
            threshold=float(evaluations.get("threshold", 1.0)), margin=float(evaluations.get("margin", 0.0)),
            negative=tuple(map(str, evaluations.get("negative") or ())), positive=tuple(map(str, evaluations.get("positive") or ())),
            harm_words=_words(evaluations, "harm_words"),
        ),
        issues=IssueSettings(
            max_words=int(issues.get("max_words", 8)),
            keep_preps=_words(issues, "keep_preps"),
            merge_threshold=float(issues.get("merge_threshold", 0.5)),
            profile_threshold=float(issues.get("profile_threshold", 0.55)),
            common_share=float(issues.get("common_share", 0.03)),
        ),
    )


@lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    """The shipped stance cue lexicon (read once per process)."""
    return from_mapping(load_data_yaml("stance_cues.yaml"))
