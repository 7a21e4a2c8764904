"""The deal space's rules, read from `redline/data/analysis.yaml` (documented there), with a user file over them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from redline.datafiles import load_data_yaml
from redline.dealspace.model import DIRECTIONS, STATUSES
from redline.positions.lexicon import stance_lexicon
from redline.positions.model import STANCES


@dataclass(frozen=True, kw_only=True, slots=True)
class Weights:
    """What one piece of evidence weighs before its confidence and recency (see `weights` in analysis.yaml)."""

    official: float
    commentary: float
    reported_factor: float
    unattributed_factor: float

    def voice(self, official: bool, reported: bool, attributed: bool = True) -> float:
        """The weight of a voice: official or commentary, less when reported second-hand or voiced by no one."""
        return ((self.official if official else self.commentary) * (self.reported_factor if reported else 1.0)
                * (1.0 if attributed else self.unattributed_factor))


@dataclass(frozen=True, kw_only=True, slots=True)
class AnalysisRules:
    """Weights and rules of the deal space; each is documented in `redline/data/analysis.yaml`."""

    directions: Mapping[str, str]
    firm: Mapping[str, frozenset[str]]
    unsigned_stances: frozenset[str]
    same_sentence_accommodating_wins: bool
    firm_share: float
    red_line_factor: float
    own_terms_stances: frozenset[str]
    own_terms_direction: str
    own_possessives: tuple[str, ...]
    nearest_min_words: int
    agenda_words: frozenset[str]
    agenda_direction: str
    agenda_context_words: int
    reversal_words: tuple[str, ...]
    sign_context_words: int
    weights: Weights
    default_confidence: float
    repeat_factor: float
    recency_half_life_days: float
    undated_factor: float
    legislator_roles: tuple[str, ...]
    leader_roles: tuple[str, ...]
    not_leader_markers: tuple[str, ...]
    other_official_factor: float
    former_markers: tuple[str, ...]
    shift_window_days: int
    shift_min_sources: int
    shift_directions: frozenset[str]
    severity: tuple[str, ...]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "AnalysisRules":
        """The shipped rules, with a user YAML file's keys over them."""
        if path is None:
            return _shipped_rules()
        user = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return cls.from_mapping(_overlay(_shipped_yaml(), user))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "AnalysisRules":
        """Rules from a mapping shaped like analysis.yaml, checked for completeness."""
        return cls(
            directions=_directions(data["directions"]),
            firm={d: frozenset(map(str, data["firm"].get(d) or ())) for d in DIRECTIONS},
            unsigned_stances=frozenset(map(str, data["unsigned_stances"])),
            same_sentence_accommodating_wins=bool(data["same_sentence_accommodating_wins"]),
            firm_share=float(data["firm_share"]),
            red_line_factor=float(data["red_line_factor"]),
            own_terms_stances=frozenset(map(str, data["own_terms_stances"])),
            own_terms_direction=_direction(data["own_terms_direction"]),
            own_possessives=tuple(str(w).casefold() for w in data["own_possessives"]),
            nearest_min_words=max(1, int(data["nearest_min_words"])),
            agenda_words=frozenset(str(w).casefold() for w in data["agenda_words"]),
            agenda_direction=_direction(data["agenda_direction"]),
            agenda_context_words=max(1, int(data["agenda_context_words"])),
            reversal_words=tuple(str(w).casefold() for w in data["reversal_words"]),
            sign_context_words=max(0, int(data["sign_context_words"])),
            weights=Weights(**{k: float(v) for k, v in data["weights"].items()}),
            default_confidence=float(data["default_confidence"]),
            repeat_factor=min(1.0, max(0.0, float(data["repeat_factor"]))),
            recency_half_life_days=max(1.0, float(data["recency_half_life_days"])),
            undated_factor=float(data["undated_factor"]),
            legislator_roles=tuple(str(w).casefold() for w in data["legislator_roles"]),
            leader_roles=tuple(str(w).casefold() for w in data["leader_roles"]),
            not_leader_markers=tuple(str(w).casefold() for w in data["not_leader_markers"]),
            other_official_factor=float(data["other_official_factor"]),
            former_markers=tuple(str(w).casefold() for w in data["former_markers"]),
            shift_window_days=max(1, int(data["shift_window_days"])),
            shift_min_sources=max(1, int(data["shift_min_sources"])),
            shift_directions=frozenset(map(str, data["shift_directions"])),
            severity=_severity(data["severity"]),
        )

    def blocking(self, status: str) -> int:
        """How blocking a status is (0 = most)."""
        return self.severity.index(status)


@lru_cache(maxsize=1)
def _shipped_yaml() -> dict[str, Any]:
    """The shipped `analysis.yaml` (read once)."""
    return load_data_yaml("analysis.yaml")


@lru_cache(maxsize=1)
def _shipped_rules() -> AnalysisRules:
    """The shipped rules (built once)."""
    return AnalysisRules.from_mapping(_shipped_yaml())


def _overlay(base: Mapping[str, Any], user: Mapping[str, Any]) -> dict[str, Any]:
    """User keys over the shipped ones; mappings (`weights`, `directions`, `firm`) merged key by key."""
    merged = {**base, **user}
    for key, value in base.items():
        if isinstance(value, Mapping):
            merged[key] = {**value, **(user.get(key) or {})}
    return merged


def _directions(mapping: Mapping[str, str]) -> Mapping[str, str]:
    """The stance -> direction table, checked to cover every stance with a known direction."""
    table = {str(k): str(v) for k, v in mapping.items()}
    if set(table) != set(STANCES) or not set(table.values()) <= set(DIRECTIONS):
        raise ValueError(f"analysis.yaml: `directions` must map each of {STANCES} to one of {DIRECTIONS}")
    return table


def _direction(value: Any) -> str:
    """One direction, checked."""
    if str(value) not in DIRECTIONS:
        raise ValueError(f"analysis.yaml: expected one of {DIRECTIONS}, got {value!r}")
    return str(value)


def _severity(order: list[str]) -> tuple[str, ...]:
    """The status order, checked to name every status once."""
    if sorted(order) != sorted(STATUSES):
        raise ValueError(f"analysis.yaml: `severity` must list each of {STATUSES} once, got {order}")
    return tuple(order)


@dataclass(frozen=True, slots=True)
class OpenIssueWords:
    """Open mode's word lists: heads too vague to be an issue, leading parts of speech dropped from a label,
    and the modifiers that leave a vague head vague ("new issues")."""

    vague: frozenset[str]
    drop_leading: frozenset[str]
    vague_modifiers: frozenset[str] = frozenset()
    min_sentences: int = 1


@lru_cache(maxsize=1)
def open_issue_words() -> OpenIssueWords:
    """The `open_issues` lists of analysis.yaml, with the position lexicon's vague objects and not-issues."""
    data = _shipped_yaml()["open_issues"]
    lexicon = stance_lexicon()
    vague = {str(w).casefold() for w in data["vague_heads"]} | set(lexicon.vague_objects) | set(lexicon.not_issues)
    return OpenIssueWords(vague=frozenset(vague), drop_leading=frozenset(map(str, data["label_drop_leading"])),
                          vague_modifiers=frozenset(lexicon.vague_modifiers),
                          min_sentences=max(1, int(data["min_sentences"])))
