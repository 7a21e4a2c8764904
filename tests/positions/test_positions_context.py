"""Holders named by context (redline/positions/context.py): a surname for the full name before it, a
government office with no state of its own, a role noun or an unattributed "we" for the holder named before,
and a people's authorities or forces as the body of the article's setting."""

from __future__ import annotations

from redline.actors import ActorDictionary, find_actors
from redline.nlp import load_pipeline
from redline.positions.context import home_state, is_government
from redline.positions.holder import Holder, HolderResolver
from redline.positions.lexicon import stance_lexicon
from redline.quotes import extract_quotes


def _subjects(text: str, home: str | None = None) -> list[tuple[str, Holder | None]]:
    """Each subject word of a text, in order, with the holder the resolver gives it."""
    doc = load_pipeline()(text)
    actors = find_actors(doc, published="2019-06-01")
    resolver = HolderResolver(doc, actors, extract_quotes(doc, actors), lexicon=stance_lexicon(),
                              dictionary=ActorDictionary.load(), home=home)
    return [(t.text, resolver.of_token(t)) for t in doc if t.dep_ in ("nsubj", "nsubjpass")]


def _holder(text: str, word: str, home: str | None = None, nth: int = 0) -> Holder | None:
    """The holder of the nth subject written `word`."""
    return [h for w, h in _subjects(text, home) if w == word][nth]


def test_positions_context_surname_is_the_full_name_before_it():
    text = ("Gao Feng, a spokesman for the Ministry of Commerce, spoke in Beijing on Thursday. "
            "Gao rejected the American tariffs.")
    holder = _holder(text, "Gao", home="CHN")
    assert holder is not None and holder.country == "CHN" and holder.via == "Gao Feng" and holder.official


def test_positions_context_unstated_ministry_takes_the_publishers_state():
    text = "The Ministry of Commerce rejected the American tariffs on steel."
    holder = _holder(text, "Ministry", home="CHN")
    assert holder.party == "China" and holder.country == "CHN" and holder.via == "Ministry of Commerce"
    # with no publisher and no voice before it, the office stays itself, with no state
    assert _holder(text, "Ministry").country is None


def test_positions_context_unstated_ministry_takes_the_last_voices_state():
    text = "China said it wanted a fair deal. The Ministry of Commerce rejected the American tariffs on steel."
    assert _holder(text, "Ministry").country == "CHN"


def test_positions_context_generic_official_takes_no_state_from_the_last_voice():
    text = "China said it wanted a fair deal. A western official rejected the American tariffs on steel."
    assert _holder(text, "official") is None


def test_positions_context_out_of_office_role_is_no_government_office():
    assert is_government("home secretary") and is_government("Vice-Minister of Commerce")
    assert not is_government("shadow home secretary") and not is_government("former chancellor")
    assert not is_government("western diplomat")


def test_positions_context_role_noun_is_the_holder_named_before():
    text = "Turkey rejected the plan on Monday. The spokesman said the offer was unacceptable."
    assert _holder(text, "spokesman").party == "Turkey"
    # "a spokesman" is anyone's
    assert _holder("Turkey rejected the plan on Monday. A spokesman said the offer was unacceptable.",
                   "spokesman") is None


def test_positions_context_unattributed_we_is_the_party_named_before():
    text = ("The Syrian Democratic Forces have held the fighters since March. "
            "“We will give the children to their countries,” he said.")
    assert _holder(text, "We").party == "Syrian Democratic Forces"


def test_positions_context_kurdish_authorities_in_syria_are_the_administration():
    text = ("Kurdish authorities in Syria have asked Britain to take back its citizens. Syria has not answered. "
            "Kurdish fighters hold the camps in Syria.")
    assert _holder(text, "authorities").party == "Kurdish-led Autonomous Administration"
    assert _holder(text, "fighters").party == "Syrian Democratic Forces"
    assert _holder(text, "authorities").country is None  # a non-state party, never Syria


def test_positions_context_kurdish_authorities_elsewhere_stay_the_people():
    text = "Kurdish authorities in Iraq have asked Britain to take back its citizens. Baghdad has not answered."
    assert _holder(text, "authorities").party == "Kurds"


def test_positions_context_publisher_state_comes_from_the_dictionary():
    dictionary = ActorDictionary.load()
    assert home_state("People's Daily", dictionary) == "CHN"
    assert home_state("The Guardian", dictionary) == "GBR"
    assert home_state("A blog nobody lists", dictionary) is None and home_state(None, dictionary) is None


def test_positions_context_stage_reads_the_publisher(positions_of):
    text = "The Ministry of Commerce firmly rejected the US demand for tariff cuts on Chinese steel."
    unsourced = {p.actor for p in positions_of(text) if p.stance == "reject"}
    sourced = {(p.actor, p.actor_country) for p in positions_of(text, source="People's Daily") if p.stance == "reject"}
    assert "China" not in unsourced and ("China", "CHN") in sourced
