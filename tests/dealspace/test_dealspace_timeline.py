"""Shifts: a party's stance on an issue changing between dates, with the evidence on both sides."""

from __future__ import annotations

import itertools
from dataclasses import replace

from redline.positions.analysis import AnalysisRules, analyse_positions, find_shifts
from redline.positions.model import Evidence, Position
from redline.positions.shifts import windows

_ids = itertools.count()
IRAN, US = "Iran", "United States"


def ev(actor: str, issue: str, stance: str, day: str | None, *, official: bool = True, reported: bool = False,
       source: str | None = "irna.ir", text: str | None = None) -> Evidence:
    """One hand-built piece of evidence."""
    text = text or f"{actor} is {stance} on {issue} ({day})."
    position = Position(actor=actor, actor_country=None, issue=issue, stance=stance, official=official,
                        reported=reported, via=None, text=text, start=5, end=5 + len(text), date=day)
    return Evidence(position=position, article_id=f"s{next(_ids)}", source=source, published=day)


def summary(shifts) -> list[tuple]:
    """Shifts as (actor, issue, before stance, before date, after stance, after date)."""
    return [(s.actor, s.issue, s.before.position.stance, s.before.published, s.after.position.stance,
             s.after.published) for s in shifts]


def test_reject_then_open_is_a_shift_with_both_evidences():
    before = ev(IRAN, "nuclear", "reject", "2026-02-01", text="Iran rejected any talks on enrichment.")
    after = ev(IRAN, "nuclear", "open", "2026-02-10", text="Iran said it was ready to discuss enrichment levels.")
    shifts = find_shifts([after, before])
    assert len(shifts) == 1
    assert (shifts[0].before, shifts[0].after) == (before, after)
    assert shifts[0].to_json() == {
        "actor": IRAN, "issue": "nuclear",
        "before": {"stance": "reject", "date": "2026-02-01", "article_id": before.article_id,
                   "text": "Iran rejected any talks on enrichment.", "start": 5, "end": 43},
        "after": {"stance": "open", "date": "2026-02-10", "article_id": after.article_id,
                  "text": "Iran said it was ready to discuss enrichment levels.", "start": 5, "end": 57},
    }


def test_the_same_stance_on_later_dates_is_no_shift():
    evidence = [ev(IRAN, "x", "red_line", d) for d in ("2026-02-01", "2026-02-03", "2026-02-09")]
    assert find_shifts(evidence) == []


def test_changes_within_a_day_are_no_shift():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01T08:00:00Z", source="a.com"),
                ev(IRAN, "x", "open", "2026-02-01T19:30:00Z", source="b.com")]
    assert find_shifts(evidence) == []
    assert analyse_positions(evidence).issues[0].parties[IRAN].stance == "open"  # the later statement


def test_the_window_is_data():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01", source="a.com"),
                ev(IRAN, "x", "reject", "2026-02-02", source="b.com"),
                ev(IRAN, "x", "open", "2026-02-03", source="c.com"),
                ev(IRAN, "x", "open", "2026-02-04", source="d.com")]
    assert len(find_shifts(evidence)) == 1
    three_days = replace(AnalysisRules.load(), same_time_days=3)
    assert [w.start.isoformat() for w in windows(evidence, same_time_days=3)] == ["2026-02-01", "2026-02-04"]
    assert summary(find_shifts(evidence, rules=three_days)) == [
        (IRAN, "x", "reject", "2026-02-01", "open", "2026-02-04")]


def test_back_and_forth_gives_each_shift():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01"), ev(IRAN, "x", "open", "2026-02-05"),
                ev(IRAN, "x", "open", "2026-02-06"), ev(IRAN, "x", "reject", "2026-02-12")]
    assert summary(find_shifts(evidence)) == [
        (IRAN, "x", "reject", "2026-02-01", "open", "2026-02-05"),
        (IRAN, "x", "open", "2026-02-06", "reject", "2026-02-12"),  # before: the last window holding the old stance
    ]
    current = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (current.stance, current.evidence_count) == ("reject", 1)  # only since it was taken up again


def test_commentary_only_flip_is_ignored_when_an_official_stance_exists():
    evidence = [ev(IRAN, "x", "red_line", "2026-02-01"),
                ev(IRAN, "x", "open", "2026-02-04", official=False, source="think.tank"),
                ev(IRAN, "x", "red_line", "2026-02-08")]
    assert find_shifts(evidence) == []
    assert analyse_positions(evidence).issues[0].parties[IRAN].stance == "red_line"
    told = replace(AnalysisRules.load(), commentary_shifts_when_official=True)
    assert [(s.before.position.stance, s.after.position.stance) for s in find_shifts(evidence, rules=told)] == [
        ("red_line", "open"), ("open", "red_line")]


def test_commentary_before_the_first_official_statement_is_no_shift():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01", official=False, source="think.tank"),
                ev(IRAN, "x", "open", "2026-02-05")]
    assert find_shifts(evidence) == []  # the party has spoken for itself: analysts' earlier reading does not count


def test_commentary_shifts_count_when_there_is_no_official_evidence():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01", official=False, source="a.com"),
                ev(IRAN, "x", "open", "2026-02-05", official=False, source="b.com")]
    assert summary(find_shifts(evidence)) == [(IRAN, "x", "reject", "2026-02-01", "open", "2026-02-05")]


def test_official_evidence_wins_a_mixed_window():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01"),
                ev(IRAN, "x", "red_line", "2026-02-05", official=False, source="a.com"),
                ev(IRAN, "x", "red_line", "2026-02-05", official=False, source="b.com"),
                ev(IRAN, "x", "open", "2026-02-05", source="irna.ir")]
    assert summary(find_shifts(evidence)) == [(IRAN, "x", "reject", "2026-02-01", "open", "2026-02-05")]


def test_the_best_evidence_stands_for_a_window():
    second_hand = ev(IRAN, "x", "open", "2026-02-05", reported=True, source="a.com")
    analyst = ev(IRAN, "x", "open", "2026-02-05", official=False, source="b.com")
    first_hand = ev(IRAN, "x", "open", "2026-02-05", source="c.com")
    shifts = find_shifts([ev(IRAN, "x", "reject", "2026-02-01"), analyst, second_hand, first_hand])
    assert shifts[0].after is first_hand


def test_undated_evidence_makes_no_shift():
    evidence = [ev(IRAN, "x", "reject", None), ev(IRAN, "x", "open", "2026-02-05")]
    assert find_shifts(evidence) == []
    assert analyse_positions(evidence).issues[0].parties[IRAN].stance == "open"


def test_position_date_places_evidence_without_a_published_date():
    before = replace(ev(IRAN, "x", "reject", "2026-02-01"), published=None)
    after = ev(IRAN, "x", "open", "2026-02-05")
    shifts = find_shifts([before, after])
    assert len(shifts) == 1 and shifts[0].to_json()["before"]["date"] == "2026-02-01"


def test_shifts_are_ordered_by_date_then_party_then_issue():
    evidence = [
        ev(US, "sanctions", "red_line", "2026-02-01", source="state.gov"),
        ev(US, "sanctions", "offer", "2026-02-09", source="state.gov"),
        ev(IRAN, "nuclear", "reject", "2026-02-01"), ev(IRAN, "nuclear", "open", "2026-02-09"),
        ev(IRAN, "missiles", "open", "2026-02-01"), ev(IRAN, "missiles", "red_line", "2026-02-09"),
        ev(IRAN, "prisoners", "demand", "2026-02-02"), ev(IRAN, "prisoners", "offer", "2026-02-03"),
    ]
    assert [(s.actor, s.issue) for s in find_shifts(evidence, parties=[US, IRAN])] == [
        (IRAN, "prisoners"), (US, "sanctions"), (IRAN, "missiles"), (IRAN, "nuclear")]
    assert [(s.actor, s.issue) for s in find_shifts(evidence)][1:] == [  # without given parties: alphabetical
        (IRAN, "missiles"), (IRAN, "nuclear"), (US, "sanctions")]


def test_analysis_carries_its_shifts():
    evidence = [ev(IRAN, "x", "reject", "2026-02-01"), ev(IRAN, "x", "open", "2026-02-10"),
                ev(US, "x", "demand", "2026-02-10")]
    analysis = analyse_positions(evidence)
    assert analysis.shifts == find_shifts(evidence)
    assert analysis.issues[0].status == "agenda"  # the current stance (open) decides, not the old rejection


def test_no_evidence_no_shifts():
    assert find_shifts([]) == []
