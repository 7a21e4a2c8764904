"""Descriptions without a name: office holders, earlier and later named people, unnamed actors."""

from __future__ import annotations

from redline.actors import find_actors
from redline.nlp import load_pipeline

TEXT = (
    "An adviser to Iran's supreme leader warned on Monday that missiles were not up for discussion. "
    "Ali Shamkhani made the remarks at a rally in the capital. "
    "The emir of Qatar later called the US president. "
    "A senior US official said the door remained open. "
    "An Iranian energy analyst said exports would fall. "
    "Reza Tavana, the analyst, said prices would rise."
)


def actors_of(text: str, published: str | None = None):
    """The ActorIndex of a text."""
    return find_actors(load_pipeline()(text), published=published)


def span(text: str, phrase: str) -> tuple[int, int]:
    """Character offsets of the first occurrence of a phrase."""
    start = text.index(phrase)
    return start, start + len(phrase)


def test_an_unnamed_description_introduces_the_person_named_next():
    index = actors_of(TEXT, "2026-02-10")
    assert index.at(*span(TEXT, "An adviser to Iran's supreme leader")).name == "Ali Shamkhani"
    shamkhani = index.by_name("Ali Shamkhani")
    assert (shamkhani.country, shamkhani.sector, shamkhani.role) == ("IRN", "government", "adviser to Iran's supreme leader")


def test_a_definite_office_is_its_holder_on_the_day():
    index = actors_of(TEXT, "2026-02-10")
    assert index.at(*span(TEXT, "Iran's supreme leader")).name == "Ali Khamenei"
    assert index.at(*span(TEXT, "The emir of Qatar")).name == "Tamim bin Hamad Al Thani"
    assert index.at(*span(TEXT, "the US president")).name == "Donald Trump"
    assert actors_of(TEXT, "2022-03-01").at(*span(TEXT, "the US president")).name == "Joe Biden"


def test_a_former_office_is_not_its_current_holder():
    text = "The former US president criticised the deal."
    index = actors_of(text, "2026-02-10")
    assert index.by_name("Donald Trump") is None


def test_the_role_noun_links_a_description_to_its_person_in_both_directions():
    index = actors_of(TEXT, "2026-02-10")
    tavana = index.at(*span(TEXT, "An Iranian energy analyst"))
    assert tavana.name == "Reza Tavana"
    assert index.at(*span(TEXT, "the analyst")) is tavana
    assert (tavana.country, tavana.sector) == ("IRN", "expert")


def test_an_anonymous_subject_is_an_unnamed_actor():
    index = actors_of(TEXT, "2026-02-10")
    official = index.at(*span(TEXT, "A senior US official"))
    assert (official.name, official.kind, official.country, official.sector) == ("senior US official", "person", "USA", "government")


def test_a_generic_role_never_claims_a_later_name():
    text = "A senior official said the talks were over. Marco Rubio said they would go on."
    index = actors_of(text, "2026-02-10")
    assert index.at(*span(text, "A senior official")).name == "senior official"


def test_institutions_are_unnamed_organisations():
    text = "Iranian state media said the talks went well. State media later quoted the minister."
    index = actors_of(text)
    media = index.at(*span(text, "Iranian state media"))
    assert (media.kind, media.country, media.sector) == ("organisation", "IRN", "media")
    assert index.at(*span(text, "State media")) is media
