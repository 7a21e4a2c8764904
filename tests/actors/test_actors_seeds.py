"""The seed articles (../shared/seeds), cleaned as the pipeline cleans them, then parsed."""

from __future__ import annotations

import pytest

from redline.actors import find_actors
from redline.clean import clean_page
from redline.nlp import load_pipeline

IRAN_TALKS = "004_191a4cd148bb01ae.txt"
EXPERT = "000_ea14b1c28685bacb.txt"


def seed(seeds, name: str, index: int = 0):
    """(text, ActorIndex) of one article of a seed page."""
    segment = clean_page((seeds / name).read_text(encoding="utf-8"))[index]
    return segment.text, find_actors(load_pipeline()(segment.text), published=segment.published)


@pytest.mark.parametrize(
    "name, country, sector",
    [
        ("Ali Shamkhani", "IRN", "government"),
        ("Masoud Pezeshkian", "IRN", "government"),
        ("Donald Trump", "USA", "government"),
        ("Ali Hashem", None, "media"),
        ("Hassan Ahmadian", "IRN", "expert"),
        ("Ali Larijani", "IRN", "government"),
        ("Tamim bin Hamad Al Thani", "QAT", "government"),
        ("Benjamin Netanyahu", "ISR", "government"),
        ("Al Jazeera", "QAT", "media"),
        ("United States", "USA", None),
        ("Iran", "IRN", None),
    ],
)
def test_talks_article_actors(seeds, name, country, sector):
    _, index = seed(seeds, IRAN_TALKS)
    actor = index.by_name(name)
    assert actor is not None, name
    assert (actor.country, actor.sector) == (country, sector)


def test_talks_article_roles(seeds):
    _, index = seed(seeds, IRAN_TALKS)
    assert "adviser to Iran" in index.by_name("Ali Shamkhani").role
    assert "supreme leader" in index.by_name("Ali Shamkhani").role
    assert index.by_name("Masoud Pezeshkian").role == "President"
    assert index.by_name("Benjamin Netanyahu").role == "Prime Minister"


def test_talks_article_mentions_resolve(seeds):
    text, index = seed(seeds, IRAN_TALKS)

    def at(phrase: str, n: int = 1):
        start = -1
        for _ in range(n):
            start = text.index(phrase, start + 1)
        return index.at(start, start + len(phrase))

    assert at("An adviser to Iran’s supreme leader").name == "Ali Shamkhani"
    assert at("him").name == "Ali Shamkhani"
    assert at("Hashem said").name == "Ali Hashem"
    assert at("Al Jazeera’s Ali Hashem").name == "Ali Hashem"
    assert at("Iranian President Masoud Pezeshkian").name == "Masoud Pezeshkian"
    assert at("The emir of Qatar").name == "Tamim bin Hamad Al Thani"
    assert at("The Israeli prime minister").name == "Benjamin Netanyahu"
    assert at("state media").sector == "media"
    assert at("Iranian officials") is None
    assert at("Tehran’s").name == "Iran"
    assert at("Tehran") is None  # "reporting from Tehran" is a place


def test_all_names_of_the_united_states_are_one_actor(seeds):
    for name, forms in ((EXPERT, {"United States", "U.S.", "Washington", "America"}),
                        (IRAN_TALKS, {"United States", "U.S.", "US"})):
        text, index = seed(seeds, name)
        assert forms <= {text[s:e] for s, e in index.by_name("United States").mentions}
        assert [a.name for a in index.actors if a.country == "USA" and a.kind == "country"] == ["United States"]


def test_expert_article_actors_and_pronoun(seeds):
    text, index = seed(seeds, EXPERT)
    akbari = index.by_name("Arash M. Akbari")
    assert (akbari.country, akbari.sector) == ("IRN", "expert")
    he = text.rindex(" he said") + 1
    assert index.at(he, he + 2) is akbari
    assert index.at(*_find(text, "an Iranian international relations expert")) is akbari
    assert index.at(*_find(text, "Tehran")).name == "Iran"  # "for Tehran to reach a deal"


def _find(text: str, phrase: str) -> tuple[int, int]:
    """Offsets of the first occurrence of a phrase."""
    start = text.index(phrase)
    return start, start + len(phrase)


def test_rafah_article_is_its_own_article(seeds):
    _, index = seed(seeds, EXPERT, 1)
    names = {a.name for a in index.actors}
    assert {"Israel", "Egypt", "European Union"} <= names
    assert "Arash M. Akbari" not in names
