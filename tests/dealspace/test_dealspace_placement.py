"""Placing positions at query time: the stance word of the winning direction, a party's terms on its own
programme, a demand that talks take up an issue, profile party names and vague phrases."""

from __future__ import annotations

from dealspace_evidence import ev  # tests/dealspace_evidence.py
from redline.dealspace import AnalysisRules, deal_space, make_evidence
from redline.dealspace.issues import map_issues, names_only, says_nothing, written_phrase
from redline.dealspace.weigh import weigh
from redline.positions import CaseProfile, Position

RULES = AnalysisRules.load()
US_IRAN = CaseProfile.load("us-iran-2026")


def position(actor: str, stance: str, sentence: str, phrase: str, *, label: str | None = None) -> Position:
    """A position on `phrase` as written in `sentence` (the stage's label defaults to the phrase)."""
    at = sentence.find(phrase)
    return Position(actor=actor, actor_country=None, issue=label or phrase, stance=stance, official=True,
                    reported=False, via="a spokesman", text=sentence, start=0, end=len(sentence), date="2026-02-01",
                    confidence=0.8, issue_text=phrase, issue_start=at, issue_end=at + len(phrase))


def placed(positions: list[Position], profile: CaseProfile | None = None):
    """The deal space over the positions, each its own article."""
    evidence = [make_evidence(p, article_id=f"a{n}", source=f"s{n}", published=p.date) for n, p in enumerate(positions)]
    return deal_space(evidence, profile=profile)


def test_placement_stance_word_comes_from_the_winning_direction():
    # a red line settled as `open` (its sentence also opens the door) lends weight, not its word
    items = [ev("Iran", "talks", "red_line", direction="open", confidence=0.9),
             ev("Iran", "talks", "open", confidence=0.3)]
    stance = weigh(items, RULES)
    assert stance.direction == "open" and stance.stance == "open"


def test_placement_a_reject_of_an_undoing_is_a_for_stance_word():
    items = [ev("Turkey", "kurds", "reject", direction="for"), ev("Turkey", "kurds", "demand", confidence=0.2)]
    assert weigh(items, RULES).stance == "reject"  # a reject can point `for` (of "the YPG's removal")


def test_placement_terms_on_its_own_programme_are_conditional_with_a_profile():
    sentence = "Iran set conditions on any limits to its nuclear programme."
    analysis = placed([position("Iran", "precondition", sentence, "its nuclear programme"),
                       position("United States", "demand", "The US demands limits on Iran's nuclear programme.",
                                "limits on Iran's nuclear programme")], US_IRAN)
    nuclear = analysis.issue("nuclear")
    assert nuclear.parties["Iran"].direction == "conditional"
    assert nuclear.parties["United States"].direction == "for"  # the subject's rule is for the subject only


def test_placement_terms_on_its_own_programme_are_conditional_in_open_mode():
    own = position("Iran", "demand", "Iran demands guarantees for Iran's missile programme.", "Iran's missile programme")
    ours = position("Iran", "precondition", "“Our missile programme stays ours unless sanctions end,” he said.",
                    "Our missile programme")
    other = position("United States", "demand", "The US demands curbs on Iran's missile programme.",
                     "Iran's missile programme")
    analysis = placed([own, ours, other])
    directions = {(party, s.direction) for issue in analysis.issues for party, s in issue.parties.items()}
    assert ("Iran", "conditional") in directions and ("Iran", "for") not in directions
    assert ("United States", "for") in directions


def test_placement_a_demand_that_talks_take_up_an_issue_is_open():
    sentence = "Iran wants the talks to focus solely on nuclear issues."
    pressing = "Israel is pressing the US in negotiations with Iran, including demanding concessions on missiles."
    analysis = placed([position("Iran", "demand", sentence, "nuclear issues"),
                       position("Israel", "demand", pressing, "concessions on missiles")], US_IRAN)
    assert analysis.issue("nuclear").parties["Iran"].direction == "open"
    assert analysis.issue("missiles").parties["Israel"].direction == "for"  # a cue after "negotiations"


def test_placement_profile_aliases_name_the_party():
    analysis = placed([position("Tehran", "red_line", "Tehran said its missiles are non-negotiable.", "its missiles")],
                      US_IRAN)
    assert set(analysis.issue("missiles").parties) == {"Iran"}


def test_placement_a_vague_phrase_takes_the_issue_its_sentence_names():
    sentence = "Iran rejected the move, a new cap on uranium enrichment."
    found = map_issues([position("Iran", "reject", sentence, "the move")], profile=US_IRAN)
    assert found.placements[0].key == "nuclear"
    assert says_nothing("the move") and says_nothing("excessive demands") and not says_nothing("uranium")
    assert names_only("the US") and names_only("Trump") and not names_only("US troops")


def test_placement_a_phrase_of_another_finding_yields_to_the_stage_label():
    # the model's phrase is one per holder and sentence: the second finding's label says what it is about
    sentence = "Iran will not discuss its ballistic missile programme, but is ready to talk about enrichment."
    second = position("Iran", "open", sentence, "its ballistic missile programme", label="enrichment")
    assert written_phrase(second) is None
    assert map_issues([second], profile=US_IRAN).placements[0].key == "nuclear"
    first = position("Iran", "reject", sentence, "its ballistic missile programme", label="ballistic missile programme")
    assert written_phrase(first) == "its ballistic missile programme"


def test_placement_open_mode_labels_as_written_and_single_sentences_left_out():
    from redline.dealspace.issues import as_written

    assert as_written("withdraw US troop from Syria", "Trump will withdraw US troops from Syria.") == \
        "withdraw US troops from Syria"
    assert as_written("30,000 strong border guard", "a 30,000-strong border guard was planned") == \
        "30,000-strong border guard"
    assert as_written("sanctions relief", "Iran wants an end to the embargo.") is None
    twice = [position("Turkey", "reject", f"Turkey rejected a Kurdish corridor, officials said on day {n}.",
                      "a Kurdish corridor") for n in (1, 2)]
    once = [position("Egypt", "demand", "Egypt demanded the reopening of the Rafah crossing.",
                     "the reopening of the Rafah crossing")]
    found = map_issues(twice + once)
    assert [p.key is not None for p in found.placements] == [True, True, False] and found.left_out == 1
    assert [i.label for i in found.issues.values()] == ["Kurdish corridor"]
