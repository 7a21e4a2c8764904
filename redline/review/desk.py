"""The review desk: check a verdict against the store, then write it as one review (or raise and write nothing)."""

from __future__ import annotations

import difflib
import getpass
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from redline.positions.model import STANCES
from redline.store import Store
from redline.store.db import StoredRecord
from redline.store.reviews import (
    RECORD_TYPES, TABLES, Review, all_reviews, kind_of, latest_reviews, record_id, write_reviews,
)

EVENT_DIRECTIONS = ("reverse",)  # a correction that swaps an event's source and target


class ReviewError(ValueError):
    """A review that cannot be written, with a one-line reason fit to show the user; nothing was written."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction:
    """New values for a record's fields (None: unchanged). Positions: party, stance, issue, speaker (who voiced
    it). Quotes: speaker. Events: event_type, source, target, direction ("reverse" swaps source and target)."""

    party: str | None = None
    stance: str | None = None
    issue: str | None = None
    speaker: str | None = None
    direction: str | None = None
    event_type: str | None = None
    source: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None

    def given(self) -> dict[str, Any]:
        """The fields the analyst set."""
        return {name: getattr(self, name) for name in self.__slots__ if getattr(self, name) is not None}


@dataclass(frozen=True, slots=True, kw_only=True)
class Addition:
    """A record the extractor missed: its article, the evidence span (offsets into the article text), its type and
    values (position: party, stance, issue, optional speaker; quote: speaker; event: event_type, source, target)."""

    article_id: str
    start: int
    end: int
    kind: str
    party: str | None = None
    stance: str | None = None
    issue: str | None = None
    speaker: str | None = None
    event_type: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


@dataclass(slots=True)
class ListedReview:
    """The latest review of one record, and whether re-extraction still produces that record."""

    review: Review
    orphaned: bool
    history: int = 1  # how many reviews the record has had (the latest counts)
    text: str | None = None  # the evidence span's text, when its article is stored

    def to_json(self) -> dict[str, Any]:
        """The review as `redline review list --json` prints it."""
        return {**self.review.to_json(), "orphaned": self.orphaned, "history": self.history, "text": self.text}


def _who(who: str | None) -> str:
    """The reviewer's name: the one given, else the OS user."""
    if who and who.strip():
        return who.strip()[:100]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "analyst"


def find_record(store: Store, rid: str) -> StoredRecord:
    """The record (extracted or added, rejected ones included) with this stable id, or ReviewError."""
    kind = kind_of(rid)
    if kind is None:
        raise ReviewError(f"unknown id {rid[:60]!r}: a record id looks like p-3f9c0e1d2a4b (see redline positions --json)")
    for row in store.stage_records(TABLES[kind], first_copies=False, keep_rejected=True):
        if row.id == rid:
            return row
    raise ReviewError(f"unknown id {rid[:60]!r}: no {kind} with this id in {store.path}")


def _write(store: Store, row: StoredRecord, verdict: str, *, values: dict[str, Any] | None = None,
           note: str | None, who: str | None) -> Review:
    """One review of a found record, written."""
    rank = _rank_of(row.id)
    review = Review(record_id=row.id, kind=RECORD_TYPES[_table_of(row.id)], verdict=verdict, article_id=row.article_id,
                    start=row.record.start, end=row.record.end, rank=rank, values=values or {},
                    note=(note or None), who=_who(who))
    return write_reviews(store.connection, [review])[0]


def _table_of(rid: str) -> str:
    """The stage table of a record id."""
    return TABLES[kind_of(rid)]


def _rank_of(rid: str) -> int:
    """The span rank an id carries (0 for the short form)."""
    parts = rid.split("-")
    return int(parts[2]) - 1 if len(parts) == 3 and parts[2].isdigit() else 0


def confirm(store: Store, rid: str, *, note: str | None = None, who: str | None = None) -> Review:
    """Confirm a record as extracted (also undoes an earlier reject or correct: the latest review wins)."""
    row = find_record(store, rid)
    if row.review == "add":
        # confirming an added record keeps it: the add (with its values) is re-stated as the latest review
        latest = store.reviews(RECORD_TYPES[_table_of(rid)])[rid]
        return _write(store, row, "add", values=latest.values, note=note, who=who)
    return _write(store, row, "confirm", note=note, who=who)


def reject(store: Store, rid: str, *, note: str | None = None, who: str | None = None) -> Review:
    """Reject a record: it leaves the analysis, the report and the exports."""
    return _write(store, find_record(store, rid), "reject", note=note, who=who)


def correct(store: Store, rid: str, change: Correction, *, note: str | None = None, who: str | None = None,
            profile=None) -> Review:
    """Correct a record's values; it then counts with them."""
    row = find_record(store, rid)
    given = change.given()
    if not given:
        raise ReviewError("nothing to correct: give at least one new value (e.g. --stance open)")
    kind = RECORD_TYPES[_table_of(rid)]
    values = _values(store, kind, given, row.record, profile=profile)
    latest = store.reviews(kind).get(rid)
    if row.review == "add":  # an added record stays added, with the new values
        return _write(store, row, "add", values={**latest.values, **values}, note=note, who=who)
    if row.review == "correct":  # a second correction keeps the first one's other values
        values = {**latest.values, **values}
    return _write(store, row, "correct", values=values, note=note, who=who)


_ALLOWED = {
    "position": {"party", "stance", "issue", "speaker"},
    "quote": {"speaker"},
    "event": {"event_type", "source", "target", "direction"},
}


def _values(store: Store, kind: str, given: dict[str, Any], record: Any = None, *, profile=None) -> dict[str, Any]:
    """The record fields a correction or addition sets, each value checked (ReviewError names the bad one)."""
    wrong = sorted(set(given) - _ALLOWED[kind])
    if wrong:
        raise ReviewError(f"a {kind} has no {wrong[0].replace('_', ' ')} to set; it takes {', '.join(sorted(_ALLOWED[kind]))}")
    values: dict[str, Any] = {}
    if "stance" in given:
        if given["stance"] not in STANCES:
            raise ReviewError(f"unknown stance {given['stance'][:40]!r}: one of {', '.join(STANCES)}")
        values["stance"] = given["stance"]
    if "issue" in given:
        issue = " ".join(str(given["issue"]).split())
        if not issue:
            raise ReviewError("the issue is empty")
        values["issue"] = issue[:200]
    if "party" in given:
        values["actor"] = _known(store, given["party"], profile, "party")
        values["actor_country"] = _country(store, values["actor"])
    if "speaker" in given:
        key = "via" if kind == "position" else "speaker"
        values[key] = _known(store, given["speaker"], profile, "speaker")
        if kind == "quote":
            values["speaker_country"] = _country(store, values[key])
    if "event_type" in given:
        values["type"] = _event_type(store, given["event_type"])
    for side in ("source", "target"):
        if side in given:
            names = [_known(store, n, profile, side) for n in given[side]]
            values[side] = names
            values[f"{side}_country"] = [_country(store, n) for n in names]
    if "direction" in given:
        if given["direction"] not in EVENT_DIRECTIONS:
            raise ReviewError(f"unknown direction {given['direction'][:20]!r}: {', '.join(EVENT_DIRECTIONS)} (swaps source and target)")
        source = values.get("source", list(record.source) if record is not None else [])
        target = values.get("target", list(record.target) if record is not None else [])
        source_country = values.get("source_country", list(record.source_country) if record is not None else [])
        target_country = values.get("target_country", list(record.target_country) if record is not None else [])
        values.update(source=target, target=source, source_country=target_country, target_country=source_country)
    return values


def known_actors(store: Store, profile=None) -> set[str]:
    """Every party or actor name a review may use: the store's actors, position holders, speakers, profile parties."""
    names = {r[0] for r in store.connection.execute("SELECT DISTINCT name FROM actors")}
    names |= {r[0] for r in store.connection.execute("SELECT DISTINCT actor FROM positions")}
    names |= {r[0] for r in store.connection.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")}
    if profile is not None:
        names |= {p.name for p in profile.parties}
    return {n for n in names if n}


def _known(store: Store, name: Any, profile, what: str) -> str:
    """A party/speaker name checked against the store's actors (ReviewError with close names when unknown)."""
    text = " ".join(str(name or "").split())
    names = known_actors(store, profile)
    if text in names:
        return text
    close = difflib.get_close_matches(text, sorted(names), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (see redline positions / redline quotes for the names)"
    raise ReviewError(f"unknown {what} {text[:60]!r}: not an actor of this store{hint}")


def _country(store: Store, name: str) -> str | None:
    """The country code the store knows for an actor (from its actors table), or None."""
    row = store.connection.execute("SELECT country FROM actors WHERE name = ? AND country IS NOT NULL LIMIT 1",
                                   (name,)).fetchone()
    return row[0] if row else None


def event_types(store: Store) -> set[str]:
    """The PLOVER event types a review may use: those the event lexicon codes and those stored."""
    from redline.events.lexicon import event_lexicon

    lexicon = event_lexicon()
    found = {s.type for s in (*lexicon.verbs.values(), *lexicon.nouns.values())}
    found |= {r[0] for r in store.connection.execute("SELECT DISTINCT type FROM events")}
    return found


def _event_type(store: Store, value: str) -> str:
    """An event type checked against the known PLOVER types (case-insensitive)."""
    text = str(value or "").strip().upper()
    known = event_types(store)
    if text not in known:
        raise ReviewError(f"unknown event type {text[:30]!r}: one of {', '.join(sorted(known))}")
    return text


def add(store: Store, addition: Addition, *, note: str | None = None, who: str | None = None, profile=None) -> Review:
    """Add a record the extractor missed, from a span of its article's text."""
    if addition.kind not in TABLES:
        raise ReviewError(f"unknown record type {addition.kind[:20]!r}: one of {', '.join(TABLES)}")
    article = store.connection.execute("SELECT text, published FROM articles WHERE id = ?",
                                       (addition.article_id,)).fetchone()
    if article is None:
        raise ReviewError(f"unknown article {addition.article_id[:60]!r}")
    text = article["text"] or ""
    start, end = int(addition.start), int(addition.end)
    if start >= end:
        raise ReviewError(f"span {start}-{end} is empty: the end must be after the start")
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the article text (0-{len(text)})")
    if not text[start:end].strip():
        raise ReviewError(f"span {start}-{end} holds no text")
    values = {"text": text[start:end], "start": start, "end": end, **_new_record(store, addition, profile)}
    if addition.kind in ("position", "event"):
        values["date"] = (article["published"] or "")[:10] or None
    rank = _free_rank(store, addition.kind, addition.article_id, start, end)
    review = Review(record_id=record_id(addition.kind, addition.article_id, start, end, rank), kind=addition.kind,
                    verdict="add", article_id=addition.article_id, start=start, end=end, rank=rank, values=values,
                    note=note or None, who=_who(who))
    return write_reviews(store.connection, [review])[0]


def _new_record(store: Store, addition: Addition, profile) -> dict[str, Any]:
    """The checked values of an added record, with the defaults of the fields an analyst does not set."""
    if addition.kind == "position":
        missing = [n for n in ("party", "stance", "issue") if not getattr(addition, n)]
        if missing:
            raise ReviewError(f"a position needs {', '.join(missing)}")
        given = {"party": addition.party, "stance": addition.stance, "issue": addition.issue}
        if addition.speaker:
            given["speaker"] = addition.speaker
        values = _values(store, "position", given, profile=profile)
        return {"official": True, "reported": False, "via": None, "confidence": None, "issue_text": None,
                "issue_start": None, "issue_end": None, **values}
    if addition.kind == "quote":
        if not (addition.speaker or addition.party):
            raise ReviewError("a quote needs a speaker")
        values = _values(store, "quote", {"speaker": addition.speaker or addition.party}, profile=profile)
        return {"cue": None, "direct": False, **values}
    if not addition.event_type or not (addition.source or addition.party):
        raise ReviewError("an event needs a type and a source")
    given = {"event_type": addition.event_type, "source": tuple(addition.source or (addition.party,)),
             "target": tuple(addition.target)}
    values = _values(store, "event", given, profile=profile)
    return {"mode": None, "status": "occurred", "negated": False, "mediated_by": None, "location": None,
            "source_sector": [None] * len(values["source"]), "target_sector": [None] * len(values["target"]), **values}


def _free_rank(store: Store, kind: str, article_id: str, start: int, end: int) -> int:
    """The first rank on this span that no extracted or added record of this type holds."""
    taken = set(store.record_ids(TABLES[kind], {article_id}))
    taken |= {r.record_id for r in all_reviews(store.connection) if r.verdict == "add"}
    rank = 0
    while record_id(kind, article_id, start, end, rank) in taken:
        rank += 1
    return rank


def review_list(store: Store) -> list[ListedReview]:
    """The latest review of every reviewed record, oldest first; `orphaned` when no current record has its id
    (re-extraction no longer produces it, or its article is gone): kept and listed, never dropped."""
    latest = latest_reviews(store.connection)
    history: dict[str, int] = {}
    for review in all_reviews(store.connection):
        history[review.record_id] = history.get(review.record_id, 0) + 1
    current = {rid for table in TABLES.values() for rid in store.record_ids(table)}
    articles = {row[0] for row in store.connection.execute("SELECT id FROM articles")}
    listed = []
    for rid, review in latest.items():
        orphaned = review.article_id not in articles if review.verdict == "add" else rid not in current
        text = _span_text(store, review) if review.article_id in articles else None
        listed.append(ListedReview(review=review, orphaned=orphaned, history=history.get(rid, 1), text=text))
    return listed


def _span_text(store: Store, review: Review) -> str | None:
    """The article text a review's span covers."""
    row = store.connection.execute("SELECT substr(text, ? + 1, ? - ?) FROM articles WHERE id = ?",
                                   (review.start, review.end, review.start, review.article_id)).fetchone()
    return row[0] if row else None


def import_reviews(store: Store, lines: Iterable[str]) -> list[Review]:
    """Append the reviews of an export (`redline export --table reviews`, JSON Lines) in their order, keeping who and
    when. All or nothing: a bad line raises ReviewError naming it. Reviews of records this store lacks are kept
    (listed as orphaned)."""
    import json

    found = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            review = Review.from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise ReviewError(f"line {number}: not a review ({str(error)[:80]})") from None
        if kind_of(review.record_id) != review.kind:
            raise ReviewError(f"line {number}: key {review.record_id[:40]!r} does not name a {review.kind}")
        found.append(review)
    return write_reviews(store.connection, found)


def annotations(store: Store) -> list[dict[str, Any]]:
    """The reviewed positions (confirmed, corrected, added) as records in the positions gold format (ids, offsets,
    labels; bench/gold/positions/README.md), for `bench/train_positions.py --extra` (`make train EXTRA=...`).
    Rejected positions give no record: the format lists positions only."""
    found = []
    for row in store.stage_records("positions", first_copies=False):
        if row.review not in ("confirm", "correct", "add"):
            continue
        p = row.record
        found.append({"article": row.article_id, "actor": p.actor, "actor_country": p.actor_country,
                      "stance": p.stance, "issue": p.issue, "issue_keywords": [p.issue_text] if p.issue_text else [],
                      "via": p.via, "official": bool(p.official), "start": p.start, "end": p.end,
                      "issue_start": p.issue_start, "issue_end": p.issue_end, "review": row.review, "id": row.id})
    return found


__all__ = ["Addition", "Correction", "ListedReview", "ReviewError", "add", "annotations", "confirm", "correct",
           "event_types", "find_record", "import_reviews", "known_actors", "reject", "review_list"]
