"""The stage registry's contract: what a stage requires is checked before it runs, and every NLP stage is
called the same way, stage(doc, ctx)."""

from __future__ import annotations

import inspect

import pytest

import redline.pipeline  # noqa: F401 -- loads every stage module, so the registry holds all seven stages
from redline.annotate import NLP_STAGES, UPSTREAM, annotate_article, run_stages
from redline.nlp import load_pipeline
from redline.records import Article, ArticleOutcome, Verdict
from redline.stages import (
    ARTICLE_RECORDS,
    PARSE,
    PIPELINE,
    STAGES,
    MissingRequirement,
    StageContext,
    StageContractError,
    assigned_by,
    check_requires,
    stage,
)


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
    """Positions without the actors and quotes stages: refused before the stage runs, nothing kept."""
    ctx = StageContext("a", published="2026-02-11")
    # doc=None: never parsed, so running the stage would crash rather than refuse
    with pytest.raises(MissingRequirement, match=r"stage 'positions' requires Article\.actors, Article\.quotes"):
        run_stages(None, ctx, ["positions"], assigned_by(UPSTREAM))
    assert ctx.positions is None and ctx.actors is None


def test_stages_run_refuses_a_stage_whose_date_is_not_provided() -> None:
    """Without the articles stage nothing provides Article.published, which actors requires."""
    with pytest.raises(MissingRequirement, match=r"stage 'actors' requires Article\.published"):
        run_stages(None, StageContext("a"), ["actors"], assigned_by(["dedup", "nlp"]))


def test_stages_annotation_runs_the_nlp_stages_in_pipeline_order() -> None:
    assert list(UPSTREAM) + list(NLP_STAGES) == list(PIPELINE)


def test_stages_every_nlp_stage_is_called_with_doc_and_context() -> None:
    """Each registered stage that reads the parse takes exactly (doc, ctx) and assigns one context field."""
    nlp_stages = [info for info in STAGES.values() if PARSE in info.requires]
    assert sorted(info.name for info in nlp_stages) == sorted(NLP_STAGES)
    for info in nlp_stages:
        params = list(inspect.signature(info.func).parameters)
        assert len(params) == 2 and params[1] == "ctx", (info.name, params)
        assert len(info.assigns) == 1 and info.assigns[0] in ARTICLE_RECORDS
        assert info.func.__module__ == f"redline.{info.name}.stage", "the adapter lives in the stage package"


def test_stages_registering_another_convention_is_refused() -> None:
    """A stage over the parse that takes its records as parameters (the old convention) does not register."""
    before = dict(STAGES)
    with pytest.raises(StageContractError, match=r"must be called stage\(doc, ctx\)"):
        stage("sentiment", requires=("Doc", "Article.actors"), assigns=("Article.quotes",))(
            lambda doc, actors, *, published=None: [])
    with pytest.raises(StageContractError, match="must assign one of"):
        stage("sentiment", requires=("Doc",), assigns=("Article.sentiment",))(lambda doc, ctx: [])
    assert STAGES == before


def test_stages_context_keeps_records_under_the_assigned_field() -> None:
    ctx = StageContext("a")
    ctx.keep("Article.quotes", ["q"])
    assert ctx.quotes == ["q"]
    with pytest.raises(MissingRequirement, match="no context field holds 'Article.sentiment'"):
        ctx.keep("Article.sentiment", [])


def test_stages_annotation_passes_each_stage_the_records_before_it() -> None:
    """A real article through the four stages: each later stage saw the earlier stages' records."""
    text = "Foreign Minister Abbas Araghchi said on Monday that Iran would not discuss its missiles."
    article = Article(id="a", input="a", text=text, published="2026-02-11")
    annotate_article(ArticleOutcome(article=article, seq=0, verdict=Verdict(duplicate_of=None), signature=None),
                     load_pipeline()(text), dictionary=None)
    assert article.analysed
    assert "Abbas Araghchi" in [a.name for a in article.actors]
    [quote] = article.quotes
    assert quote.speaker == "Abbas Araghchi"  # the quotes stage read the actors stage's index from the context
