"""The "quotes" pipeline stage: a parsed article and its actors in, its quotes with resolved speakers out."""

from __future__ import annotations

from spacy.tokens import Doc

from redline.stages import StageContext, stage

from .attribute import extract_quotes
from .model import Quote


@stage("quotes", requires=("Doc", "Article.actors"), assigns=("Article.quotes",))
def quotes_stage(doc: Doc, ctx: StageContext) -> list[Quote]:
    """Find the direct, mixed and reported quotes of a parsed article, speakers resolved to its actors."""
    return extract_quotes(doc, ctx.actors)
