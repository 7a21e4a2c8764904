"""The stance cue lexicon is data, checked when read; the stage is registered with what it needs."""

from __future__ import annotations

import pytest

from redline.positions.lexicon import LexiconError, from_mapping, stance_lexicon
from redline.stages import STAGES


def test_shipped_lexicon_reads():
    lexicon = stance_lexicon()
    assert lexicon.verbs["reject"].stance == "reject" and lexicon.adjectives["ready"].negated == "reject"
    assert lexicon.verbs["yield"].stance is None and lexicon.verbs["yield"].negated == "red_line"
    assert "no" in lexicon.negators and "on" in lexicon.issues.keep_preps  # quoted, not read as booleans
    assert 0 < lexicon.issues.merge_threshold < 1


def test_unknown_stance_is_an_error():
    with pytest.raises(LexiconError):
        from_mapping({"verbs": {"demand": {"stance": "insist"}}})


def test_bare_yaml_boolean_is_an_error():
    with pytest.raises(LexiconError):
        from_mapping({"negators": ["not", False]})


def test_stage_registered():
    import redline.positions  # noqa: F401  (registers the stage)

    info = STAGES["positions"]
    assert info.requires == ("Doc", "Article.actors", "Article.quotes", "Article.published")
    assert info.assigns == ("Article.positions",)
