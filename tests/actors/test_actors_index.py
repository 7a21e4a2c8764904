"""ActorIndex.at(): which actor a span of the text refers to; the JSON contract."""

from __future__ import annotations

from redline.actors import Actor, ActorIndex, find_actors
from redline.nlp import load_pipeline

TEXT = (
    "Al Jazeera's Omar Haddad said the talks had stalled. "
    "US President Donald Trump said the deal was close. "
    "U.S. and Iranian officials met in Muscat. "
    "Haddad said the mood had changed."
)


def index_of(text: str):
    """The ActorIndex of a text, dated in Trump's second term."""
    return find_actors(load_pipeline()(text), published="2026-02-10")


def span(text: str, phrase: str, n: int = 1) -> tuple[int, int]:
    """Character offsets of the n-th occurrence of a phrase."""
    start = -1
    for _ in range(n):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def test_a_titled_name_is_its_person_not_the_country_or_outlet_in_its_title():
    index = index_of(TEXT)
    assert index.at(*span(TEXT, "US President Donald Trump")).name == "Donald Trump"
    assert index.at(*span(TEXT, "Al Jazeera's Omar Haddad")).name == "Omar Haddad"
    assert index.at(*span(TEXT, "Al Jazeera")).name == "Al Jazeera"
    assert index.at(*span(TEXT, "US")).name == "United States"


def test_part_of_a_name_or_a_clause_around_it_finds_the_person():
    index = index_of(TEXT)
    assert index.at(*span(TEXT, "Trump")).name == "Donald Trump"
    assert index.at(*span(TEXT, "Haddad said", 2)).name == "Omar Haddad"


def test_a_group_finds_no_one():
    index = index_of(TEXT)
    assert index.at(*span(TEXT, "U.S. and Iranian officials")) is None
    assert index.at(*span(TEXT, "officials")) is None


def test_spans_outside_the_text_or_empty_find_no_one():
    index = index_of(TEXT)
    assert index.at(5, 5) is None
    assert index.at(len(TEXT) + 10, len(TEXT) + 20) is None


def test_by_name_is_case_insensitive():
    index = index_of(TEXT)
    assert index.by_name("donald trump") is index.by_name("Donald Trump")
    assert index.by_name("Nobody") is None


def test_actors_come_in_order_of_first_mention_with_sorted_mentions():
    index = index_of(TEXT)
    firsts = [a.mentions[0][0] for a in index.actors]
    assert firsts == sorted(firsts)
    assert all(a.mentions == sorted(a.mentions) for a in index.actors)


def test_json_contract():
    actor = index_of(TEXT).by_name("Donald Trump")
    assert actor.to_json() == {"name": "Donald Trump", "country": "USA", "sector": "government", "role": "President"}


def test_an_index_without_token_arcs_uses_the_widest_overlap():
    index = ActorIndex([Actor("Iran", "country", "IRN", None, None, [(0, 4)]),
                        Actor("Ali Larijani", "person", "IRN", "government", None, [(7, 19)])])
    assert index.at(0, 4).name == "Iran"
    assert index.at(5, 19).name == "Ali Larijani"
    assert index.at(30, 40) is None


def test_actors_index_tightest_mention_is_the_one_a_full_scan_finds():
    """The index looks only at mentions that start close enough to contain a span; it must give what
    reading every mention gives, ties included (the first of equal length in start order)."""
    import random

    rng = random.Random(3)
    actors = [Actor(f"A{n}", "person", None, None, None) for n in range(12)]
    for actor in actors:
        for _ in range(rng.randint(1, 6)):
            start = rng.randint(0, 400)
            actor.mentions.append((start, start + rng.choice([3, 5, 8, 8, 40, 120])))
    index = ActorIndex(actors)

    def scan(start, end):
        best = None
        for s, e, n in index._spans:
            if s > start:
                break
            if e >= end and (best is None or e - s < best[1] - best[0]):
                best = (s, e, n)
        return index.actors[best[2]] if best is not None else None

    for _ in range(3000):
        start = rng.randint(0, 560)
        end = start + rng.randint(1, 20)
        assert index._tightest(start, end) is scan(start, end)
