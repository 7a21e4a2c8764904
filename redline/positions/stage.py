"""The "positions" pipeline stage: a parsed article with its actors and quotes in, its positions out."""

from __future__ import annotations

from spacy.tokens import Doc

from redline.stages import StageContext, stage

from .extract import extract_positions
from .model import Position


@stage("positions", requires=("Doc", "Article.actors", "Article.quotes", "Article.published"),
       assigns=("Article.positions",))
def positions_stage(doc: Doc, ctx: StageContext) -> list[Position]:
    """Find each party's stances on the issues of a parsed article, with the sentence that shows each. The
    run's profile (`ctx.profile`) is not read: the deal space applies it when the store is queried, so a store
    is the same whether the profile was named at ingest or not."""
    return extract_positions(doc, ctx.actors, ctx.quotes, published=ctx.published, source=ctx.source)
