"""The stage registry's contract: what a stage requires is checked before it runs."""

from __future__ import annotations

import pytest

import redline.pipeline  # noqa: F401 -- loads every stage module, so the registry holds all seven stages
from redline.annotate import RUNNERS, UPSTREAM, StageContext, run_stages
from redline.records import Article
from redline.stages import PIPELINE, STAGES, MissingRequirement, assigned_by, check_requires


def test_stages_check_requires_names_what_is_missing() -> None:
    with pytest.raises(MissingRequirement, match=r"stage 'quotes' requires Article\.actors.*have: Doc"):
        check_requires("quotes", {"Doc"})
    check_requires("quotes", {"Doc", "Article.actors"})  # all provided: no error


def test_stages_unknown_stage_is_a_clear_error() -> None:
    with pytest.raises(MissingRequirement, match="no stage 'sentiment' is registered"):
        assigned_by(["sentiment"])


def test_stages_each_requirement_is_assigned_by_an_earlier_stage() -> None:
    """In pipeline order, starting from a read Document, every stage finds what it requires."""
    assert set(STAGES) == set(PIPELINE)
    have = {"Document"}
    for name in PIPELINE:
        check_requires(name, have)
        have |= set(STAGES[name].assigns)


def test_stages_run_fails_on_a_missing_requirement_before_running() -> None:
    """Positions without the quotes stage: refused before the stage runs, and the article is untouched."""
    article = Article(id="a", input="a", text="The minister said so.", published="2026-02-11")
    ctx = StageContext(article, doc=None)  # never parsed: running any stage on it would crash, not refuse
    with pytest.raises(MissingRequirement, match=r"stage 'positions' requires Article\.actors, Article\.quotes"):
        run_stages(ctx, ["positions"], assigned_by(UPSTREAM))
    assert article.positions == [] and ctx.actors is None


def test_stages_analysis_runners_follow_the_pipeline_order() -> None:
    assert list(UPSTREAM) + list(RUNNERS) == list(PIPELINE)
