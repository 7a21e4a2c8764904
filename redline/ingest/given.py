"""Metadata the user gives at ingest: `--date`, `--source`, `--url`, and a `sources.yaml` that maps
folders or globs to a source and a date rule.

`sources.yaml` (an example ships as `redline/data/sources.example.yaml`):

    sources:
      - match: "crawl/aljazeera/**"     # a glob over the input's path (as named, and absolute)
        source: Al Jazeera
        date: name                      # a date in the file's path (2026-02-01, 2026/02/01, 20260201)
      - match: "inbox/*.txt"
        source: Reuters
        date: mtime                     # the file's modification day (UTC)
      - match: "archive/**"
        date: 2026-01-15                # a fixed day
        override: true                  # win over what the page says (default: fill in only what it lacks)

The first rule that matches an input applies. Values from the command line always win over the page's
own metadata; a rule's values fill in what the page does not say, unless the rule sets `override: true`.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from redline.ingest.dates import normalise_date
from redline.ingest.sources import InputFile

DATE_RULES = ("name", "mtime")
_NAME_DATE = re.compile(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})[-_/.]?([01][0-9])[-_/.]?([0-3][0-9])(?![0-9])", re.ASCII)


class SourcesError(ValueError):
    """A sources.yaml that cannot be used: one line naming the file and the problem."""


FIELDS = ("published", "source", "url")


@dataclass(frozen=True, slots=True)
class Given:
    """Metadata given for one input; the fields named in `forced` win over what the page itself says,
    the others only fill in what it lacks."""

    published: str | None = None
    source: str | None = None
    url: str | None = None
    forced: frozenset[str] = frozenset()

    def pick(self, name: str, own: str | None) -> str | None:
        """The value of one field to keep: the given one when forced (or when the page has none)."""
        given = getattr(self, name)
        if given is not None and (name in self.forced or not own):
            return given
        return own

    def under(self, line: "Given") -> "Given":
        """This Given with the command line's values over it (they are always forced)."""
        values = {name: getattr(line, name) or getattr(self, name) for name in FIELDS}
        forced = {name for name in FIELDS if getattr(line, name) is not None} | {
            name for name in self.forced if getattr(line, name) is None}
        return Given(**values, forced=frozenset(forced))


@dataclass(frozen=True, slots=True)
class SourceRule:
    """One `sources.yaml` entry: a glob, a source, a date rule (fixed day, `name` or `mtime`)."""

    match: str
    source: str | None = None
    date: str | None = None
    override: bool = False

    def matches(self, item: InputFile) -> bool:
        """True when the input's path, as named or absolute, matches the glob."""
        if item.path is None:
            return False
        names = {item.path.as_posix(), item.path.absolute().as_posix(), item.name}
        return any(fnmatch.fnmatchcase(name, self.match) or fnmatchcase_folder(name, self.match) for name in names)

    def given(self, item: InputFile) -> Given:
        """What this rule gives the input: its source and the day its date rule yields."""
        return Given(published=rule_date(self.date, item), source=self.source,
                     forced=frozenset(FIELDS) if self.override else frozenset())


def fnmatchcase_folder(name: str, pattern: str) -> bool:
    """True when the pattern names a folder the path is inside (`crawl/aljazeera` matches its files)."""
    folder = pattern.rstrip("/")
    return not any(ch in folder for ch in "*?[") and (name.startswith(folder + "/") or f"/{folder}/" in name)


def rule_date(rule: str | None, item: InputFile) -> str | None:
    """The day a date rule gives an input: a fixed day, a day in the path (`name`), the mtime (`mtime`)."""
    if rule is None or item.path is None:
        return None
    if rule == "name":
        found = _NAME_DATE.findall(item.path.as_posix())
        return normalise_date("-".join(found[-1])) if found else None
    if rule == "mtime":
        try:
            moment = datetime.fromtimestamp(item.path.stat().st_mtime, tz=timezone.utc)
        except OSError:
            return None
        return moment.strftime("%Y-%m-%d")
    return normalise_date(rule)


@dataclass(frozen=True, slots=True)
class GivenMetadata:
    """The command line's values and the sources.yaml rules of one run."""

    command_line: Given | None = None
    rules: tuple[SourceRule, ...] = ()

    def for_input(self, item: InputFile) -> Given | None:
        """The metadata given for one input: the first matching rule, under the command line's values."""
        rule = next((r.given(item) for r in self.rules if r.matches(item)), None)
        if rule is None:
            return self.command_line
        return rule if self.command_line is None else rule.under(self.command_line)


def command_line_given(*, date: str | None, source: str | None, url: str | None) -> Given | None:
    """The `--date/--source/--url` values as an overriding Given (None when none is set); a bad date raises."""
    if date is None and source is None and url is None:
        return None
    published = normalise_date(date) if date is not None else None
    if date is not None and published is None:
        raise SourcesError(f"--date {date!r}: not a day (use YYYY-MM-DD)")
    line = Given(published=published, source=source, url=url)
    return Given(published=published, source=source, url=url,
                 forced=frozenset(name for name in FIELDS if getattr(line, name) is not None))


def load_sources(path: Path) -> tuple[SourceRule, ...]:
    """The rules of a sources.yaml file; SourcesError names the file and the first bad entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise SourcesError(f"{path}: {str(error).splitlines()[0]}") from None
    entries = (data or {}).get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: expected a top-level 'sources:' list")
    return tuple(_rule(path, n, entry) for n, entry in enumerate(entries, 1))


def _rule(path: Path, number: int, entry: object) -> SourceRule:
    """One checked rule: a `match` glob, an optional source, a valid date rule."""
    if not isinstance(entry, dict) or not isinstance(entry.get("match"), str):
        raise SourcesError(f"{path}: entry {number} needs a 'match:' glob")
    date = entry.get("date")
    date = None if date is None else str(date)
    if date is not None and date not in DATE_RULES and normalise_date(date) is None:
        raise SourcesError(f"{path}: entry {number}: date {date!r} is not a day, 'name' or 'mtime'")
    source = entry.get("source")
    return SourceRule(match=entry["match"], source=None if source is None else str(source), date=date,
                      override=bool(entry.get("override", False)))
