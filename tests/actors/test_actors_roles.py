"""Roles from titles and appositions, with the country and sector they give."""

from __future__ import annotations

from redline.actors import find_actors
from redline.nlp import load_pipeline

TEXT = (
    "Iranian President Masoud Pezeshkian said on Tuesday that talks could resume. "
    "Nadia Karimi, an associate professor at the University of Tehran, said the offer was weak. "
    "Al Jazeera's Omar Haddad, reporting from Doha, said the mood had changed. "
    "Israeli Prime Minister Benjamin Netanyahu spoke to reporters. "
    "Opposition spokesman Karim Nassar rejected the plan. "
    "Qatar's foreign minister, Mohammed bin Abdulrahman Al Thani, hosted the meeting. "
    "Sami Qadri, a 40-year-old shopkeeper from Homs, said prices had doubled."
)


def actors_of(text: str, published: str | None = None):
    """The ActorIndex of a text."""
    return find_actors(load_pipeline()(text), published=published)


def attributes(index, name: str) -> tuple:
    """(country, sector, role) of the named actor."""
    actor = index.by_name(name)
    return actor.country, actor.sector, actor.role


def test_title_before_a_name():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Masoud Pezeshkian") == ("IRN", "government", "President")
    assert attributes(index, "Benjamin Netanyahu") == ("ISR", "government", "Prime Minister")


def test_apposition_gives_role_sector_and_the_country_of_its_institution():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Nadia Karimi") == ("IRN", "expert", "associate professor at the University of Tehran")


def test_media_affiliation_makes_a_journalist_but_no_nationality():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Omar Haddad") == (None, "media", "Al Jazeera")


def test_a_sector_word_before_the_role_decides_its_sector():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Karim Nassar")[1] == "opposition"


def test_apposition_before_the_name():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Mohammed bin Abdulrahman Al Thani") == ("QAT", "government", "foreign minister")


def test_apposition_stops_at_the_end_of_the_role():
    index = actors_of(TEXT, "2026-02-10")
    assert attributes(index, "Sami Qadri") == (None, "civilian", "40-year-old shopkeeper from Homs")


def test_dictionary_office_fills_the_role_when_the_text_gives_none():
    text = "Abbas Araghchi arrived in Muscat on Friday."
    index = actors_of(text, "2026-02-06")
    assert attributes(index, "Abbas Araghchi") == ("IRN", "government", "Foreign Minister")


def test_words_before_a_name_that_are_no_title_are_left_out():
    text = "On Sunday Trump said the deal was close."
    index = actors_of(text, "2019-05-01")
    trump = index.by_name("Donald Trump")
    assert trump.role == "President"
    assert [text[s:e] for s, e in trump.mentions] == ["Trump"]
