"""The analysis over positions: current stance per party and issue, issue status, ordering, corroboration, rules."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from redline.positions.analysis import (
    AnalysisRules,
    analyse_positions,
    corroboration,
    issue_pairs,
    party_order,
)
from redline.positions.model import STANCES, STATUSES, Analysis, Evidence, Position

_ids = itertools.count()


def ev(actor: str, issue: str, stance: str, *, official: bool = True, reported: bool = False,
       source: str | None = "reuters.com", day: str | None = "2026-02-01", via: str | None = None,
       text: str | None = None, article: str | None = None) -> Evidence:
    """One hand-built piece of evidence."""
    text = text or f"{actor} takes a {stance} stance on {issue}."
    position = Position(actor=actor, actor_country=None, issue=issue, stance=stance, official=official,
                        reported=reported, via=via, text=text, start=0, end=len(text), date=day)
    return Evidence(position=position, article_id=article or f"a{next(_ids)}", source=source, published=day)


US, IRAN, ISRAEL = "United States", "Iran", "Israel"


def us_iran_case() -> list[Evidence]:
    """The February 2026 talks as hand-written evidence."""
    return [
        ev(US, "ballistic_missiles", "precondition", reported=True, source="reuters.com", via="US officials",
           text="According to media reports, Washington insists Iran's missile programme be on the table first."),
        ev(IRAN, "ballistic_missiles", "red_line", source="irna.ir", via="Abbas Araghchi",
           text="Araghchi said Iran's missiles are not negotiable under any circumstances."),
        ev(IRAN, "ballistic_missiles", "red_line", official=False, source="aljazeera.com", via="Trita Parsi",
           text="Analysts say Tehran will never accept limits on its missile arsenal."),
        ev(IRAN, "ballistic_missiles", "red_line", official=False, source="aljazeera.com", via="an analyst",
           text="A second analyst told the outlet that missiles remain Tehran's red line."),
        ev(IRAN, "nuclear", "open", source="irna.ir", via="Abbas Araghchi",
           text="Iran is ready to discuss its nuclear programme with Washington."),
        ev(ISRAEL, "proxies", "demand", source="timesofisrael.com", via="Benjamin Netanyahu",
           text="Netanyahu said any deal must end Iran's support for its proxies."),
    ]


def by_issue(analysis: Analysis) -> dict:
    """The issues of an analysis by name."""
    return {i.issue: i for i in analysis.issues}


# --- the US-Iran case ---

def test_us_iran_missiles_are_an_impasse_and_nuclear_one_sided():
    issues = by_issue(analyse_positions(us_iran_case(), parties=[US, IRAN]))
    missiles = issues["ballistic_missiles"]
    assert missiles.status == "impasse"
    assert list(missiles.parties) == [US, IRAN]
    iran = missiles.parties[IRAN]
    assert (iran.stance, iran.evidence_count, iran.sources, iran.official) == ("red_line", 3, 2, True)
    assert missiles.parties[US].stance == "precondition" and missiles.parties[US].official
    assert issues["nuclear"].status == "one-sided"
    assert issues["proxies"].status == "one-sided"


@pytest.mark.parametrize(("us_stance", "status"), [("open", "agenda"), ("demand", "agenda"), ("offer", "agenda"),
                                                    ("precondition", "contested"), ("red_line", "contested"),
                                                    ("reject", "contested")])
def test_nuclear_status_follows_the_us_stance(us_stance, status):
    evidence = us_iran_case() + [ev(US, "nuclear", us_stance, source="state.gov")]
    assert by_issue(analyse_positions(evidence, parties=[US, IRAN]))["nuclear"].status == status


def test_israel_demand_on_proxies_meets_an_iranian_rejection():
    evidence = us_iran_case() + [ev(IRAN, "proxies", "reject", source="presstv.ir")]
    proxies = by_issue(analyse_positions(evidence, parties=[US, IRAN]))["proxies"]
    assert proxies.status == "impasse"
    assert list(proxies.parties) == [IRAN, ISRAEL]  # given parties first, the rest after


def test_issue_order_is_severity_then_evidence_then_name():
    evidence = us_iran_case() + [
        ev(US, "sanctions", "offer"), ev(IRAN, "sanctions", "demand"),
        ev(US, "prisoners", "open"), ev(IRAN, "prisoners", "open"), ev(IRAN, "prisoners", "open", source="irna.ir"),
        ev(US, "enrichment", "demand"), ev(IRAN, "enrichment", "open", official=False),
    ]
    analysis = analyse_positions(evidence, parties=[US, IRAN], issues=["snapback"])
    assert [(i.issue, i.status) for i in analysis.issues] == [
        ("ballistic_missiles", "impasse"),
        ("prisoners", "agenda"), ("enrichment", "agenda"), ("sanctions", "agenda"),
        ("nuclear", "one-sided"), ("proxies", "one-sided"),
        ("snapback", "unknown"),
    ]


# --- every status, every pair ---

@pytest.mark.parametrize(("a", "b"), list(itertools.product(STANCES, STANCES)))
def test_every_stance_pair_gives_the_table_status(a, b):
    rules = AnalysisRules.load()
    analysis = analyse_positions([ev(US, "x", a), ev(IRAN, "x", b)])
    assert analysis.issues[0].status == rules.pair_status(a, b) == rules.pair_status(b, a)


def test_the_documented_table():
    rules = AnalysisRules.load()
    expected = {
        "impasse": {("demand", "red_line"), ("demand", "reject"), ("precondition", "red_line"),
                    ("precondition", "reject"), ("red_line", "red_line"), ("red_line", "reject")},
        "agenda": {("demand", "open"), ("demand", "offer"), ("precondition", "offer"), ("open", "open"),
                   ("open", "offer"), ("offer", "offer")},
    }
    for a, b in itertools.combinations_with_replacement(STANCES, 2):
        want = next((s for s, pairs in expected.items() if (a, b) in pairs), "contested")
        assert rules.pair_status(a, b) == want, (a, b)


def test_every_status_is_reachable():
    evidence = [
        ev(US, "impasse_issue", "demand"), ev(IRAN, "impasse_issue", "red_line"),
        ev(US, "agenda_issue", "open"), ev(IRAN, "agenda_issue", "open"),
        ev(US, "contested_issue", "offer"), ev(IRAN, "contested_issue", "reject"),
        ev(US, "one_sided_issue", "demand"),
        ev(IRAN, "garbled_issue", "maybe"),  # an unknown stance is unusable evidence
        ev("", "garbled_issue", "demand"),  # so is evidence without a party
    ]
    statuses = {i.issue: i.status for i in analyse_positions(evidence, issues=["unreported_issue"]).issues}
    assert statuses == {"impasse_issue": "impasse", "agenda_issue": "agenda", "contested_issue": "contested",
                        "one_sided_issue": "one-sided", "garbled_issue": "unknown", "unreported_issue": "unknown"}
    assert set(statuses.values()) == set(STATUSES)


def test_unknown_issue_has_no_parties():
    analysis = analyse_positions([ev(IRAN, "x", "shrug")])
    assert analysis.to_json()["issues"] == [{"issue": "x", "status": "unknown", "parties": {}}]


def test_empty_input():
    assert analyse_positions([]) == Analysis(issues=[])
    assert analyse_positions([]).to_json() == {"issues": [], "shifts": []}
    assert corroboration([]) == []


# --- three or more parties ---

def test_three_parties_take_the_most_blocking_pair():
    evidence = [ev(US, "proxies", "demand"), ev(ISRAEL, "proxies", "open"), ev(IRAN, "proxies", "red_line")]
    issue = analyse_positions(evidence, parties=[US, IRAN, ISRAEL]).issues[0]
    assert issue.status == "impasse"
    assert {(p.a, p.b): p.status for p in issue_pairs(issue)} == {
        (US, IRAN): "impasse", (US, ISRAEL): "agenda", (IRAN, ISRAEL): "contested"}


def test_allies_with_the_same_stance_form_a_bloc():
    evidence = [ev(US, "proxies", "demand"), ev(ISRAEL, "proxies", "demand"), ev(IRAN, "proxies", "open")]
    issue = analyse_positions(evidence, parties=[US, ISRAEL, IRAN]).issues[0]
    assert issue.status == "agenda"  # US-Israel (demand/demand) is a bloc, not a contest
    pairs = {(p.a, p.b): p for p in issue_pairs(issue)}
    assert not pairs[(US, ISRAEL)].compared and pairs[(US, ISRAEL)].status == "contested"
    assert pairs[(US, IRAN)].compared and pairs[(US, IRAN)].to_json() == {
        "parties": [US, IRAN], "stances": ["demand", "open"], "status": "agenda", "compared": True}
    no_blocs = replace(AnalysisRules.load(), same_stance_is_bloc=False)
    assert analyse_positions(evidence, rules=no_blocs).issues[0].status == "contested"


def test_three_parties_all_alike_use_the_table():
    rejecting = [ev(p, "snapback", "reject") for p in (US, IRAN, ISRAEL)]
    assert analyse_positions(rejecting).issues[0].status == "contested"
    opening = [ev(p, "talks", "open") for p in (US, IRAN, ISRAEL)]
    assert analyse_positions(opening).issues[0].status == "agenda"


def test_two_parties_with_the_same_stance_use_the_table():
    assert analyse_positions([ev(US, "x", "red_line"), ev(IRAN, "x", "red_line")]).issues[0].status == "impasse"


# --- parties ---

def test_party_order_given_first_then_alphabetical():
    evidence = [ev("Oman", "x", "offer"), ev(IRAN, "x", "open"), ev("china", "x", "open"), ev(US, "x", "demand")]
    assert party_order(evidence, [US, "Qatar", IRAN]) == [US, IRAN, "china", "Oman"]
    issue = analyse_positions(evidence, parties=[US, "Qatar", IRAN]).issues[0]
    assert list(issue.parties) == [US, IRAN, "china", "Oman"]  # a given party without evidence is not listed
    assert list(analyse_positions(evidence).issues[0].parties) == ["china", IRAN, "Oman", US]


# --- current stance ---

def test_latest_date_wins():
    evidence = [ev(IRAN, "x", "reject", day="2026-02-01", source="irna.ir"),
                ev(IRAN, "x", "reject", day="2026-02-01", source="presstv.ir"),
                ev(IRAN, "x", "open", day="2026-02-10", source="irna.ir")]
    stance = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (stance.stance, stance.evidence_count, stance.sources) == ("open", 1, 1)
    assert stance.evidence == [evidence[2]]


def test_same_day_official_beats_commentary_with_more_sources():
    evidence = [ev(IRAN, "x", "open", official=False, source=s) for s in ("a.com", "b.com", "c.com")]
    evidence.append(ev(IRAN, "x", "red_line", source="irna.ir"))
    stance = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (stance.stance, stance.official, stance.evidence_count) == ("red_line", True, 1)


def test_same_day_more_sources_then_more_evidence():
    two_sources = [ev(IRAN, "x", "open", source="a.com"), ev(IRAN, "x", "open", source="b.com")]
    three_reports = [ev(IRAN, "x", "reject", source="c.com") for _ in range(3)]
    assert analyse_positions(two_sources + three_reports).issues[0].parties[IRAN].stance == "open"
    one_report = [ev(IRAN, "x", "open", source="a.com")]
    assert analyse_positions(one_report + three_reports).issues[0].parties[IRAN].stance == "reject"


def test_same_day_full_tie_goes_to_the_later_statement():
    evidence = [ev(IRAN, "x", "open", day="2026-02-01T16:00:00", source="a.com"),
                ev(IRAN, "x", "reject", day="2026-02-01T09:00:00", source="b.com")]
    assert analyse_positions(evidence).issues[0].parties[IRAN].stance == "open"
    assert analyse_positions(evidence[::-1]).issues[0].parties[IRAN].stance == "open"


def test_later_commentary_does_not_override_an_official_stance():
    evidence = [ev(IRAN, "x", "red_line", day="2026-02-01", source="irna.ir"),
                ev(IRAN, "x", "open", official=False, day="2026-02-05", source="a.com"),
                ev(IRAN, "x", "red_line", official=False, day="2026-02-06", source="b.com")]
    stance = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (stance.stance, stance.evidence_count, stance.sources) == ("red_line", 2, 2)  # agreeing commentary counts


def test_commentary_alone_follows_the_latest_date():
    evidence = [ev(IRAN, "x", "red_line", official=False, day="2026-02-01"),
                ev(IRAN, "x", "open", official=False, day="2026-02-05")]
    stance = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (stance.stance, stance.official) == ("open", False)


def test_undated_evidence_counts_as_older():
    undated = ev(IRAN, "x", "reject", day=None, source="a.com")
    dated = ev(IRAN, "x", "open", day="2026-02-01", source="b.com")
    assert analyse_positions([dated, undated]).issues[0].parties[IRAN].stance == "open"
    agreeing = ev(IRAN, "x", "open", day=None, source="c.com")
    stance = analyse_positions([undated, agreeing, dated]).issues[0].parties[IRAN]
    assert (stance.stance, stance.evidence_count, stance.sources) == ("open", 2, 2)
    assert analyse_positions([undated]).issues[0].parties[IRAN].stance == "reject"


def test_position_date_used_when_the_article_has_none():
    older = ev(IRAN, "x", "reject", day="2026-02-01")
    newer = ev(IRAN, "x", "open", day="2026-02-03")
    newer = replace(newer, published=None)
    assert newer.position.date == "2026-02-03"
    assert analyse_positions([newer, older]).issues[0].parties[IRAN].stance == "open"


def test_unparsable_dates_count_as_undated():
    odd = ev(IRAN, "x", "reject", day="last Tuesday")
    dated = ev(IRAN, "x", "open", day="2026-02-01")
    assert analyse_positions([dated, odd]).issues[0].parties[IRAN].stance == "open"


# --- distinct sources and corroboration ---

def test_sources_are_counted_distinctly():
    evidence = [ev(IRAN, "x", "red_line", source="irna.ir") for _ in range(3)]
    evidence.append(ev(IRAN, "x", "red_line", source=" IRNA.ir "))
    stance = analyse_positions(evidence).issues[0].parties[IRAN]
    assert (stance.evidence_count, stance.sources) == (4, 1)


def test_articles_without_a_source_count_one_each():
    evidence = [ev(IRAN, "x", "red_line", source=None, article="a1"),
                ev(IRAN, "x", "red_line", source=None, article="a2"),
                ev(IRAN, "x", "red_line", source="", article="a2")]
    assert analyse_positions(evidence).issues[0].parties[IRAN].sources == 2


def test_corroboration_counts_and_weights():
    evidence = [
        ev(IRAN, "missiles", "red_line", source="irna.ir"),
        ev(IRAN, "missiles", "red_line", source="irna.ir", official=False),  # irna counts once, at its best: 1.0
        ev(IRAN, "missiles", "red_line", source="aljazeera.com", official=False),  # 0.4
        ev(IRAN, "missiles", "red_line", source="bbc.co.uk", reported=True),  # 0.75
        ev(IRAN, "missiles", "open", source="a.com", official=False, reported=True),  # 0.4 * 0.75
        ev(US, "missiles", "precondition", source="reuters.com"),
        ev(US, "missiles", "wobble", source="reuters.com"),  # unusable: ignored
    ]
    rows = {(c.actor, c.stance): c for c in corroboration(evidence)}
    assert list(rows) == [(IRAN, "red_line"), (IRAN, "open"), (US, "precondition")]
    red = rows[(IRAN, "red_line")]
    assert (red.evidence_count, red.sources, red.official, red.unofficial) == (4, 3, 2, 2)
    assert red.score == pytest.approx(1.0 + 0.4 + 0.75)
    assert rows[(IRAN, "open")].score == pytest.approx(0.3)
    assert red.to_json() == {"actor": IRAN, "issue": "missiles", "stance": "red_line", "evidence_count": 4,
                             "sources": 3, "official": 2, "unofficial": 2, "score": 2.15}


def test_corroboration_uses_the_rules_weights():
    rules = replace(AnalysisRules.load(), weights=replace(AnalysisRules.load().weights, commentary=0.1))
    rows = corroboration([ev(IRAN, "x", "open", official=False)], rules=rules)
    assert rows[0].score == pytest.approx(0.1)


# --- JSON ---

def test_to_json_shape():
    analysis = analyse_positions(us_iran_case() + [ev(IRAN, "nuclear", "reject", day="2026-01-20", source="irna.ir")],
                                 parties=[US, IRAN])
    data = analysis.to_json()
    assert set(data) == {"issues", "shifts"}
    assert data["issues"][0] == {
        "issue": "ballistic_missiles", "status": "impasse",
        "parties": {US: {"stance": "precondition", "evidence_count": 1, "sources": 1},
                    IRAN: {"stance": "red_line", "evidence_count": 3, "sources": 2}},
    }
    for issue in data["issues"]:
        assert set(issue) == {"issue", "status", "parties"} and issue["status"] in STATUSES
        for stance in issue["parties"].values():
            assert set(stance) == {"stance", "evidence_count", "sources"}
    assert [(s["actor"], s["issue"], s["before"]["stance"], s["after"]["stance"]) for s in data["shifts"]] == [
        (IRAN, "nuclear", "reject", "open")]


# --- rules ---

def test_shipped_rules_are_complete():
    rules = AnalysisRules.load()
    assert len(rules.pairs) == len(STANCES) ** 2
    assert rules.severity == ("impasse", "contested", "agenda", "one-sided", "unknown")
    assert rules.same_time_days == 1 and not rules.commentary_shifts_when_official and rules.same_stance_is_bloc
    assert rules.weights.official > rules.weights.commentary
    assert AnalysisRules.load() is AnalysisRules.load()  # read once


def test_user_rules_merge_over_the_shipped(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("weights: {commentary: 0.2}\nsame_time_days: 2\n"
                    "pairs:\n  demand: [contested, contested, impasse, contested, agenda, impasse]\n"
                    "  open: [contested, contested, contested, agenda, agenda, contested]\n", encoding="utf-8")
    rules = AnalysisRules.load(path)
    assert (rules.weights.commentary, rules.weights.official, rules.same_time_days) == (0.2, 1.0, 2)
    assert rules.pair_status("demand", "open") == "contested"
    assert rules.pair_status("demand", "red_line") == "impasse"


@pytest.mark.parametrize("text", [
    "pairs:\n  demand: [contested, contested, impasse, contested, agenda, impasse]\n",  # no longer symmetric
    "pairs:\n  demand: [contested, contested, impasse]\n",  # short row
    "pairs:\n  demand: [contested, contested, impasse, agenda, agenda, one-sided]\n",  # not a pair status
    "severity: [impasse, agenda, contested, one-sided]\n",  # a status missing
])
def test_bad_rules_are_refused(tmp_path, text):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="analysis.yaml"):
        AnalysisRules.load(path)


def test_severity_order_is_data():
    rules = replace(AnalysisRules.load(), severity=("contested", "impasse", "agenda", "one-sided", "unknown"))
    evidence = [ev(US, "x", "demand"), ev(ISRAEL, "x", "red_line"), ev(IRAN, "x", "reject"), ev("Oman", "x", "offer")]
    assert analyse_positions(evidence, rules=rules).issues[0].status == "contested"
    assert analyse_positions(evidence).issues[0].status == "impasse"
