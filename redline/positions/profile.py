"""Case profiles: the parties and issues of one negotiation, read from YAML (`redline/data/profiles/`).

    profile = CaseProfile.load("us-iran-2026")      # a shipped profile by name, or a path to a YAML file
    profile.match("limits on its ballistic missiles")   # -> "missiles"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from redline.datafiles import read_data


class ProfileError(ValueError):
    """Raised when a case profile cannot be found or is malformed."""


@dataclass(frozen=True, slots=True)
class Party:
    """A party of the case: its name and the other names that stand for it."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Issue:
    """An issue of the case: its key, label, and the phrases that find it in text.

    `proposition` is the change on the table, as a reader says it ("withdrawal of US troops from Syria"):
    stances get their direction (for / against) toward it. `reverse` are the case's own reversal terms: a
    phrase holding one names the undoing of what it is about (see `reversal_words` in analysis.yaml).
    `subject` is the party whose programme the proposition limits ("Iran" for limits on Iran's missiles):
    its own demands and preconditions on it are terms, not support (see `own_terms_direction`).
    """

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    proposition: str = ""
    reverse: tuple[str, ...] = ()
    subject: str = ""

    @property
    def terms(self) -> tuple[str, ...]:
        """Every string that finds the issue: label, aliases and key phrases."""
        return (self.label, *self.aliases, *self.phrases)


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """One negotiation: its parties and issues, with a compiled matcher of the issues' phrases."""

    key: str
    label: str
    parties: tuple[Party, ...]
    issues: tuple[Issue, ...]
    _pattern: re.Pattern | None = field(default=None, repr=False, compare=False)
    _owner: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _party_names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, name_or_path: str | Path) -> CaseProfile:
        """A shipped profile by name ("us-iran-2026") or a profile YAML file by path."""
        return _load(str(name_or_path))

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> CaseProfile:
        """A profile from its parsed YAML mapping."""
        if not isinstance(data, dict) or not data.get("key"):
            raise ProfileError("a case profile needs a `key`")
        parties = tuple(Party(str(p["name"]), tuple(map(str, p.get("aliases") or ()))) for p in data.get("parties") or ())
        issues = tuple(
            Issue(str(i["key"]), str(i.get("label") or i["key"]), tuple(map(str, i.get("aliases") or ())),
                  tuple(map(str, i.get("phrases") or ())), str(i.get("proposition") or ""),
                  tuple(map(str, i.get("reverse") or ())), str(i.get("subject") or ""))
            for i in data.get("issues") or ()
        )
        owner = {}
        for issue in issues:
            for term in issue.terms:
                owner.setdefault(_fold(term), issue.key)
        # longest first, so "ballistic missile program" wins over "missile" at the same place
        terms = sorted(owner, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in terms) + ")", re.IGNORECASE) if terms else None
        names = {}
        for party in parties:
            for alias in (party.name, *party.aliases):
                names.setdefault(alias.casefold(), party.name)
        return cls(str(data["key"]), str(data.get("label") or data["key"]), parties, issues, pattern, owner, names)

    def match(self, text: str) -> str | None:
        """The key of the first issue the text mentions, or None."""
        found = self.matches(text)
        return found[0] if found else None

    def matches(self, text: str) -> list[str]:
        """The keys of every issue the text mentions, in order of first mention."""
        if self._pattern is None or not text:
            return []
        keys: list[str] = []
        for hit in self._pattern.finditer(_fold(text)):
            key = self._owner[hit.group(1)]
            if key not in keys:
                keys.append(key)
        return keys

    def party(self, name: str | None) -> str | None:
        """The profile's party name for an actor name or alias, or None when the profile has none."""
        return self._party_names.get(name.casefold()) if name else None

    def party_in(self, text: str) -> str | None:
        """The party whose name or alias the text contains (as whole words), or None."""
        folded = text.casefold()
        for alias, name in sorted(self._party_names.items(), key=lambda kv: -len(kv[0])):
            if re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", folded):
                return name
        return None

    def issue(self, key: str) -> Issue | None:
        """The issue with this key, or None."""
        return next((i for i in self.issues if i.key == key), None)


def _fold(text: str) -> str:
    """Text as terms are matched: lower case, hyphens and curly apostrophes as spaces and straight ones
    ("pull-out" ~ "pull out", "Iran’s" ~ "Iran's")."""
    return text.lower().replace("-", " ").replace("’", "'")


@lru_cache(maxsize=16)
def _load(name_or_path: str) -> CaseProfile:
    """Read and compile a profile (cached per name or path)."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise ProfileError(f"case profile not found: {path}")
        text = path.read_text(encoding="utf-8")
    else:
        try:
            text = read_data("profiles", f"{name_or_path}.yaml")
        except (FileNotFoundError, IsADirectoryError):
            raise ProfileError(f"no shipped case profile named {name_or_path!r} (available: {', '.join(shipped_profiles())})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ProfileError(f"case profile {name_or_path}: {err}") from err
    return CaseProfile.from_mapping(data or {})


def shipped_profiles() -> list[str]:
    """The names of the profiles shipped in redline/data/profiles."""
    folder = resources.files("redline.data").joinpath("profiles")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))
