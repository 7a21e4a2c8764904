"""The actor dictionary: countries, organisations, groups and people, with the offices people held and when.

`ActorDictionary.load()` reads the shipped `redline/data/actors.yaml` (schema documented at its top) and any
user files with the same schema, once per process; the phrase matcher over all names is built once per
spaCy vocabulary (see `matcher.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .lexicon import SECTORS, Lexicon
from .matcher import DictionaryMatcher
from redline.datafiles import read_data

KINDS = frozenset({"person", "organisation", "country", "group"})
_CODE = re.compile(r"^[A-Z]{3}$")
_SECTIONS = ("countries", "organisations", "people", "cues")

Day = date | None


class DictionaryError(ValueError):
    """Raised for an actor data file that does not follow the schema."""


@dataclass(frozen=True, slots=True)
class Office:
    """A position held for a period: its title, the state it belongs to, its sector and its term."""

    role: str
    country: str | None
    sector: str | None
    start: date | None = None
    end: date | None = None

    def held_on(self, day: Day) -> bool:
        """True when the office was held on the day (with no day: when it is still held)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor the dictionary knows."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    gender: str | None = None
    offices: tuple[Office, ...] = ()

    def office_on(self, day: Day) -> Office | None:
        """The first listed office held on the day, or None."""
        return next((office for office in self.offices if office.held_on(day)), None)

    def country_on(self, day: Day) -> str | None:
        """The country the actor acts for on the day: its office's when it holds one, else its own."""
        office = self.office_on(day)
        return office.country if office is not None else self.country

    def sector_on(self, day: Day) -> str | None:
        """The actor's sector on the day: its office's when it holds one, else its own.

        A person listed with offices has none between them: a president before taking office is a
        candidate, after it a former president, and neither is the government.
        """
        office = self.office_on(day)
        if office is not None:
            return office.sector
        return None if self.offices and self.kind == "person" else self.sector


@dataclass(frozen=True, slots=True)
class Surface:
    """One way of writing an entry in text: its name or alias, capital, demonym, or plural noun.

    `entry` is None for a `not_actors` name, which only stops the aliases inside it from matching.
    """

    entry: Entry | None
    form: str


@dataclass(slots=True)
class ActorDictionary:
    """Entries by name, the written forms that point to them, and the cue lexicon."""

    entries: dict[str, Entry]
    surfaces: dict[str, tuple[Surface, ...]]
    lexicon: Lexicon
    by_code: dict[str, Entry]
    _holders: dict[str, list[tuple[Office, Entry]]]
    _matchers: dict[int, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: Iterable[Path | str] = ()) -> ActorDictionary:
        """The shipped dictionary, extended by the user files in `extra` (cached per list of files)."""
        return _load(tuple(Path(path).resolve() for path in extra))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ActorDictionary:
        """A dictionary from one merged data mapping (the shape of actors.yaml)."""
        lexicon = Lexicon.from_mapping(data["cues"])
        entries: dict[str, Entry] = {}
        surfaces: dict[str, list[Surface]] = {}
        for record in data["countries"].values():
            entry = _country(record)
            entries[entry.name] = entry
            _add_forms(surfaces, entry, record, lexicon)
        for section, kind in (("organisations", None), ("people", "person")):
            for record in data[section].values():
                entry = _entry(record, kind)
                entries[entry.name] = entry
                _add_forms(surfaces, entry, record, lexicon)
        for name in lexicon.not_actors:
            for text in _variants(name):
                surfaces.setdefault(text, []).append(Surface(None, "block"))
        return cls(
            entries=entries,
            surfaces={text: tuple(found) for text, found in surfaces.items()},
            lexicon=lexicon,
            by_code={e.country: e for e in entries.values() if e.kind == "country" and e.country},
            _holders=_office_index(entries.values(), lexicon),
        )

    def entry(self, name: str) -> Entry | None:
        """The entry with this canonical name, or None."""
        return self.entries.get(name)

    def office(self, name: str, day: Day | str) -> Office | None:
        """The office the named actor held on the day (a date or ISO string), or None."""
        entry = self.entries.get(name)
        return entry.office_on(to_day(day)) if entry is not None else None

    def holders(self, title_key: str, country: str | None, day: Day) -> list[Entry]:
        """Who held the office with this title key ("prime minister") in this country on the day."""
        found: list[Entry] = []
        for office, entry in self._holders.get(title_key, ()):
            if office.country == country and office.held_on(day) and entry not in found:
                found.append(entry)
        return found

    def matcher(self, vocab) -> Any:
        """The compiled phrase matcher of all written forms for this spaCy vocabulary (built once)."""
        cached = self._matchers.get(id(vocab))
        if cached is None or cached.vocab is not vocab:
            cached = DictionaryMatcher(self.surfaces, vocab)
            self._matchers[id(vocab)] = cached
        return cached


def to_day(value: Any) -> Day:
    """A date from a date, datetime, or ISO string ("2026-01-31", "2026-01-31T04:20", "2026-01", "2026")."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    text = str(value).strip()
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=8)
def _load(extra: tuple[Path, ...]) -> ActorDictionary:
    """The dictionary from the shipped file and the user files, merged in order."""
    shipped = read_data("actors.yaml")
    data = _merge({section: {} for section in _SECTIONS}, _parse(shipped, "actors.yaml"), "actors.yaml")
    for path in extra:
        data = _merge(data, _parse(path.read_text(encoding="utf-8"), str(path)), str(path))
    return ActorDictionary.from_data(data)


def _parse(text: str, origin: str) -> dict[str, Any]:
    """One YAML file's top-level mapping."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader) or {}
    if not isinstance(data, dict) or set(data) - set(_SECTIONS):
        raise DictionaryError(f"{origin}: top-level keys must be among {', '.join(_SECTIONS)}")
    return data


def _merge(data: dict[str, Any], new: dict[str, Any], origin: str) -> dict[str, Any]:
    """`data` with a file's sections merged in: entries replace by key, cue lists extend, cue maps update."""
    for section in ("countries", "organisations", "people"):
        for record in new.get(section) or ():
            key_field = "code" if section == "countries" else "name"
            if not isinstance(record, dict) or not record.get(key_field):
                raise DictionaryError(f"{origin}: every entry under {section} needs a {key_field}: {record!r}")
            data[section][record[key_field]] = record
    for key, value in (new.get("cues") or {}).items():
        old = data["cues"].get(key)
        if isinstance(old, list) and isinstance(value, list):
            data["cues"][key] = old + value
        elif isinstance(old, dict) and isinstance(value, dict):
            data["cues"][key] = {**old, **value}
        else:
            data["cues"][key] = value
    return data


def _country(record: Mapping[str, Any]) -> Entry:
    """A country entry; its own code is its country."""
    code = _code(record.get("code"), record)
    return Entry(name=str(record["name"]), kind="country", country=code, sector=None)


def _entry(record: Mapping[str, Any], kind: str | None) -> Entry:
    """An organisation, group or person entry with its offices."""
    kind = kind or record.get("kind")
    if kind not in KINDS - {"country"}:
        raise DictionaryError(f"{record.get('name')}: kind must be organisation or group, not {kind!r}")
    country = _code(record.get("country"), record)
    sector = _sector(record.get("sector"), record)
    offices = tuple(_office(o, country, sector, record) for o in record.get("offices") or ())
    return Entry(name=str(record["name"]), kind=kind, country=country, sector=sector,
                 gender=record.get("gender"), offices=offices)


def _office(record: Mapping[str, Any], country: str | None, sector: str | None, owner: Mapping) -> Office:
    """One office; its country and sector default to its holder's (an explicit null keeps none)."""
    if not record.get("role"):
        raise DictionaryError(f"{owner.get('name')}: every office needs a role")
    return Office(
        role=str(record["role"]),
        country=_code(record["country"], owner) if "country" in record else country,
        sector=_sector(record["sector"], owner) if "sector" in record else sector,
        start=to_day(record.get("start")),
        end=to_day(record.get("end")),
    )


def _code(value: Any, owner: Mapping) -> str | None:
    """A validated ISO 3166 alpha-3 code, or None."""
    if value is None:
        return None
    if not _CODE.match(str(value)):
        raise DictionaryError(f"{owner.get('name')}: country must be an ISO 3166 alpha-3 code, not {value!r}")
    return str(value)


def _sector(value: Any, owner: Mapping) -> str | None:
    """A validated PLOVER sector, or None."""
    if value is not None and value not in SECTORS:
        raise DictionaryError(f"{owner.get('name')}: sector must be one of {', '.join(sorted(SECTORS))}, not {value!r}")
    return value


def _add_forms(surfaces: dict[str, list[Surface]], entry: Entry, record: Mapping[str, Any], lexicon: Lexicon) -> None:
    """Register every written form of an entry (with its spelling variants)."""
    for form, texts in _forms(record, lexicon):
        for text in texts:
            for variant in _variants(str(text)):
                found = surfaces.setdefault(variant, [])
                if not any(s.entry is entry for s in found):
                    found.append(Surface(entry, form))


def _forms(record: Mapping[str, Any], lexicon: Lexicon) -> Iterator[tuple[str, list[str]]]:
    """(form, texts) pairs of an entry's record: names, capitals or metonyms, demonyms, plural nouns."""
    yield "name", [record["name"], *(record.get("aliases") or ())]
    yield "capital", [*(record.get("capitals") or ()), *(record.get("metonyms") or ())]
    demonyms = list(record.get("demonyms") or ())
    yield "demonym", demonyms
    plurals = record.get("plurals")
    if plurals is None:
        plurals = [d + "s" for d in demonyms if not d.endswith(lexicon.demonym_plural_none)]
    yield "plural", list(plurals)


def _variants(text: str) -> list[str]:
    """The text and its spellings without diacritics and with straight or curly apostrophes."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    forms = {text, folded}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return sorted(forms)


def _office_index(entries: Iterable[Entry], lexicon: Lexicon) -> dict[str, list[tuple[Office, Entry]]]:
    """Offices by title key, for finding who held "the prime minister" of a country on a date."""
    index: dict[str, list[tuple[Office, Entry]]] = {}
    for entry in entries:
        for office in entry.offices:
            index.setdefault(lexicon.title_key(office.role), []).append((office, entry))
    return index
