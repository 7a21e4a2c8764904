"""The per-Doc token table: the same values as spaCy's Token attributes, read once and kept per Doc."""

import gc

import pytest

from redline.doctable import doc_text, noun_chunks_within, token_table

TEXT = ("Iran's foreign minister said on Tuesday that the missiles were not negotiable.\n"
        "The US demands limits on them, and Turkey refused the offer. “We will never accept it,” he said. ")


@pytest.fixture(scope="module")
def doc():
    from redline.nlp import load_pipeline

    return load_pipeline()(TEXT)


def test_doctable_values_are_the_token_attributes(doc):
    table = token_table(doc)
    assert len(table.head) == len(doc)
    for t in doc:
        assert (table.lower[t.i], table.lemma[t.i], table.dep[t.i], table.pos[t.i], table.head[t.i]) == (
            t.lower_, t.lemma_.lower(), t.dep_, t.pos_, t.head.i)
        assert (table.start_char[t.i], table.end_char[t.i]) == (t.idx, t.idx + len(t))


def test_doctable_span_text_and_doc_text_are_spacys(doc):
    table = token_table(doc)
    assert doc_text(doc) == doc.text
    for sent in doc.sents:
        assert table.span_text(sent.start, sent.end) == sent.text
    assert table.span_text(2, 6) == doc[2:6].text
    assert table.span_text(3, 3) == ""


def test_doctable_noun_chunks_within_a_span_are_spacys(doc):
    for sent in doc.sents:
        assert [(c.start, c.end) for c in noun_chunks_within(sent)] == [(c.start, c.end) for c in sent.noun_chunks]


def test_doctable_is_read_once_per_doc_and_not_kept_after_it():
    from redline.doctable import _TABLES
    from redline.nlp import load_pipeline

    doc = load_pipeline()("Turkey refused the offer.")
    assert token_table(doc) is token_table(doc)
    other = load_pipeline()("Turkey refused the offer.")
    assert token_table(other) is not token_table(doc)
    before = len(_TABLES)
    del doc, other
    gc.collect()
    assert len(_TABLES) == before - 2


def test_doctable_of_an_empty_doc():
    from redline.nlp import load_pipeline

    doc = load_pipeline()("")
    table = token_table(doc)
    assert table.head == [] and table.text == "" and noun_chunks_within(doc[:]) == []


def test_doctable_text_keeps_odd_whitespace():
    from redline.nlp import load_pipeline

    doc = load_pipeline()("Turkey  refused\tthe offer .\n\n  “No,” he said  ")
    assert doc_text(doc) == doc.text
