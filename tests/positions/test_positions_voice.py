"""Who holds and who voices a position: officials and advisers speak for their state (official), analysts
and journalists voice a party's position unofficially; second-hand reports are marked."""

from __future__ import annotations


def test_reported_by_media(positions_of, held):
    [position] = held(positions_of("According to media reports, Saudi Arabia has demanded a halt to the drone attacks."),
                      "Saudi Arabia", "demand")
    assert position.reported and position.official


def test_reportedly_marks_reported(positions_of, held):
    [position] = held(positions_of("Russia reportedly rejected the ceasefire plan."), "Russia", "reject")
    assert position.reported


def test_first_hand_is_not_reported(positions_of, held):
    [position] = held(positions_of("Turkey rejected the proposal for a buffer zone."), "Turkey", "reject")
    assert not position.reported


def test_analyst_voices_party_non_officially(positions_of, held):
    text = "Iran views its missile programme as a red line, said Hassan Rahimi, a professor at the University of Tehran."
    [position] = held(positions_of(text), "Iran", "red_line")
    assert position.via == "Hassan Rahimi" and position.official is False


def test_minister_voices_party_officially(positions_of, held):
    text = "“Our missile programme is not up for discussion,” said Abbas Araghchi, Iran's foreign minister."
    [position] = held(positions_of(text), "Iran", "red_line")
    assert position.via == "Abbas Araghchi" and position.official is True and position.actor_country == "IRN"


def test_adviser_speaks_for_the_state(positions_of, held):
    text = "An adviser to Iran's supreme leader, Ali Shamkhani, said Iran has no intention of compromising on its missiles."
    [position] = held(positions_of(text), "Iran", "red_line", "missile")
    assert position.official


def test_group_phrase_speaks_for_its_state(positions_of, held):
    positions = positions_of("Iranian officials say they are ready to discuss the nuclear file.")
    assert held(positions, "Iran", "open", "nuclear file")


def test_other_partys_proposal_is_theirs(positions_of, held):
    positions = positions_of("Turkey rejected the American proposal for a buffer zone.")
    assert held(positions, "Turkey", "reject")
    [offer] = held(positions, "United States", "offer")
    assert offer.via is None


def _holders(text: str) -> dict[str, object]:
    """Each subject word of a text -> the holder the resolver gives it (article date: 2019-06-01)."""
    from redline.actors import ActorDictionary, find_actors
    from redline.nlp import load_pipeline
    from redline.positions.holder import HolderResolver
    from redline.positions.lexicon import stance_lexicon
    from redline.quotes import extract_quotes

    doc = load_pipeline()(text)
    actors = find_actors(doc, published="2019-06-01")
    resolver = HolderResolver(doc, actors, extract_quotes(doc, actors), lexicon=stance_lexicon(),
                              dictionary=ActorDictionary.load())
    return {t.text: resolver.of_token(t) for t in doc if t.dep_ in ("nsubj", "nsubjpass")}


def test_voice_armed_group_holds_positions_as_itself_without_a_state_code():
    # the guideline: actor_country is null for a non-state actor; before, the SDF's demands counted as Syria's
    holder = _holders("The SDF rejected the Turkish plan for a buffer zone.")["SDF"]
    assert holder.party == "Syrian Democratic Forces" and holder.country is None


def test_voice_opposition_leader_speaks_for_no_state():
    holders = _holders("Jeremy Corbyn demanded that the government bring the children home.")
    assert holders["Corbyn"] is None


def test_voice_government_office_speaks_for_its_state():
    holders = _holders("The Foreign Office said it would not repatriate the fighters.")
    assert holders["Office"].party == "United Kingdom" and holders["Office"].country == "GBR"
    assert _holders("ROK officials rejected the tariff.")["officials"].country == "KOR"
