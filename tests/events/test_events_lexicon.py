"""The event lexicons load, and every word list holds words (YAML reads bare no/on/off as booleans)."""

from __future__ import annotations

from importlib import resources

import yaml

from redline.events.lexicon import event_lexicon

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _values(node):
    """Every scalar of a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    else:
        yield node


def test_no_yaml_booleans():
    folder = resources.files("redline.data").joinpath("events")
    for name in ("triggers.yaml", "frames.yaml", "status.yaml", "dates.yaml", "groups.yaml"):
        data = yaml.safe_load(folder.joinpath(name).read_text(encoding="utf-8"))
        assert not any(isinstance(v, bool) for v in _values(data)), name


def test_types_are_plover_v2():
    lex = event_lexicon()
    assert {s.type for s in lex.verbs.values()} <= TYPES
    assert {s.type for s in lex.nouns.values()} <= TYPES
    assert set(lex.future.values()) <= TYPES


def test_reporting_verbs_are_not_events_unless_listed():
    lex = event_lexicon()
    assert "say" in lex.reporting and "say" not in lex.verbs
    assert lex.verbs["warn"].type == "THREATEN"
