"""merge_mentions: the same event reported by several articles becomes one event with mentions."""

from __future__ import annotations

from redline.events import Event, merge_mentions


def event(type_="CONSULT", source=("Iran",), source_country=("IRN",), target=("United States",),
          target_country=("USA",), date="2026-02-06", negated=False, start=0, status="occurred") -> Event:
    """A coded event with defaults that differ only where a test says."""
    return Event(type=type_, mode=None, source=list(source), source_country=list(source_country),
                 target=list(target), target_country=list(target_country), date=date, status=status,
                 negated=negated, mediated_by=None, location=None, text="...", start=start, end=start + 3)


def test_same_event_from_two_outlets_merges():
    merged = merge_mentions([("a1", "Reuters", [event()]), ("a2", "AP", [event(start=40)])])
    assert len(merged) == 1
    assert merged[0].count == 2
    assert merged[0].sources == 2
    assert [(m.article_id, m.start) for m in merged[0].mentions] == [("a1", 0), ("a2", 40)]


def test_two_articles_of_one_outlet_count_one_source():
    merged = merge_mentions([("a1", "Reuters", [event()]), ("a2", "Reuters", [event()])])
    assert (merged[0].count, merged[0].sources) == (2, 1)


def test_dates_a_day_apart_merge_a_week_apart_do_not():
    close = merge_mentions([("a1", "X", [event(date="2026-02-06")]), ("a2", "Y", [event(date="2026-02-07")])])
    far = merge_mentions([("a1", "X", [event(date="2026-02-06")]), ("a2", "Y", [event(date="2026-02-13")])])
    assert len(close) == 1
    assert len(far) == 2


def test_unknown_date_merges_with_nothing_unless_its_article_is_dated():
    alone = merge_mentions([("a1", "X", [event(date=None)]), ("a2", "Y", [event(date="2026-02-06")])])
    assert len(alone) == 2
    dated = merge_mentions([("a1", "X", [event(date=None)], "2026-02-07"), ("a2", "Y", [event(date="2026-02-06")])])
    assert len(dated) == 1
    assert dated[0].event.date == "2026-02-06"


def test_overlapping_but_different_actor_sets_stay_apart():
    one = event(source=("Iran", "Oman"), source_country=("IRN", "OMN"))
    other = event(source=("Abbas Araghchi",), source_country=("IRN",))
    same_side = event(source=("Abbas Araghchi", "Oman"), source_country=("IRN", "OMN"))
    merged = merge_mentions([("a1", "X", [one]), ("a2", "Y", [other]), ("a3", "Z", [same_side])])
    assert [m.count for m in merged] == [2, 1]
    assert merged[0].event.source_country == ["IRN", "OMN"]


def test_different_type_negation_status_or_actors_stay_apart():
    base = ("a1", "X", [event()])
    assert len(merge_mentions([base, ("a2", "Y", [event(type_="THREATEN")])])) == 2
    assert len(merge_mentions([base, ("a2", "Y", [event(negated=True)])])) == 2
    assert len(merge_mentions([base, ("a2", "Y", [event(status="planned")])])) == 2
    assert len(merge_mentions([base, ("a2", "Y", [event(target=("Israel",), target_country=("ISR",))])])) == 2


def test_no_chaining_through_a_drifting_date():
    days = [f"2026-02-{d:02d}" for d in (1, 3, 5, 7, 9)]  # each two days after the last, eight in all
    merged = merge_mentions([(f"a{i}", "X", [event(date=d)]) for i, d in enumerate(days)], days=3)
    assert [m.count for m in merged] == [2, 2, 1]  # joined to a first report, never through a later one


def test_pure_input_is_untouched():
    first, second = event(source=("Iran",), source_country=("IRN",)), event(
        source=("Iran", "Oman"), source_country=("IRN", "OMN"))
    merge_mentions([("a1", "X", [first]), ("a2", "Y", [second])])
    assert first.source_country == ["IRN"]


def test_to_json_counts():
    data = merge_mentions([("a1", "X", [event()]), ("a2", "Y", [event()])])[0].to_json()
    assert data["mention_count"] == 2 and data["source_count"] == 2
    assert data["type"] == "CONSULT"
