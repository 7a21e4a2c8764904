"""The reviews table and record ids: stable ids from article + span + type, append-only rows, the latest wins."""

from __future__ import annotations

import sqlite3

import pytest

from redline.positions.model import Position
from redline.store import Store
from redline.store.db import StoredRecord
from redline.store.reviews import Review, apply_reviews, kind_of, latest_reviews, record_id, write_reviews


def position(stance: str = "demand", start: int = 0, end: int = 10) -> Position:
    return Position(actor="Iran", actor_country="IRN", issue="missiles", stance=stance, official=True, reported=False,
                    via=None, text="x" * (end - start), start=start, end=end, date=None)


def review(rid: str, verdict: str, **values) -> Review:
    return Review(record_id=rid, kind="position", verdict=verdict, article_id="a1", start=0, end=10, values=values,
                  who="tester")


def test_store_reviews_record_id_is_stable_and_names_its_type():
    first = record_id("position", "a1", 0, 10)
    assert first == record_id("position", "a1", 0, 10) and first.startswith("p-") and len(first) == 14
    assert record_id("position", "a1", 0, 10, 1) == first + "-2"
    assert len({first, record_id("quote", "a1", 0, 10), record_id("position", "a1", 0, 11),
                record_id("position", "a2", 0, 10)}) == 4
    assert kind_of(record_id("event", "a1", 3, 9)) == "event" and kind_of("x-1") is None and kind_of("p") is None


def test_store_reviews_are_append_only_and_the_latest_wins(tmp_path):
    with Store(tmp_path / "r.db") as store:
        rid = record_id("position", "a1", 0, 10)
        write_reviews(store.connection, [review(rid, "reject")])
        write_reviews(store.connection, [review(rid, "confirm")])
        latest = latest_reviews(store.connection)
        assert [(k, r.verdict) for k, r in latest.items()] == [(rid, "confirm")]
        for statement in ("UPDATE reviews SET verdict = 'reject'", "DELETE FROM reviews"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                store.connection.execute(statement)
        assert store.connection.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2


def test_store_reviews_apply_drops_rejected_and_corrects():
    rows = [StoredRecord(article_id="a1", record=position(), id="p-1"),
            StoredRecord(article_id="a1", record=position(start=20, end=30), id="p-2"),
            StoredRecord(article_id="a1", record=position(start=40, end=50), id="p-3")]
    reviews = {"p-1": review("p-1", "reject"), "p-2": review("p-2", "correct", stance="open", unknown_field=1)}
    kept = apply_reviews(rows, reviews)
    assert [(r.id, r.record.stance, r.review) for r in kept] == [("p-2", "open", "correct"), ("p-3", "demand", None)]
    marked = apply_reviews([StoredRecord(article_id="a1", record=position(), id="p-1")], reviews, keep_rejected=True)
    assert [(r.id, r.review) for r in marked] == [("p-1", "reject")]


def test_store_reviews_read_only_open_of_an_older_file_has_none(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    with Store(path, readonly=True) as store:
        assert latest_reviews(store.connection) == {}
