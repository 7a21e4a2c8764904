"""The "actors" pipeline stage: a parsed article in, its canonical actors out."""

from __future__ import annotations

from redline.stages import StageContext, stage

from .build import build_index
from .clusters import Book, Context
from .coref import resolve_pronouns
from .descriptions import find_descriptions, resolve_descriptions
from .dictionary import ActorDictionary, to_day
from .index import ActorIndex
from .names import find_names
from .resolve import link_names
from .tokens import DocView


def find_actors(doc, *, published: str | None = None, dictionary: ActorDictionary | None = None) -> ActorIndex:
    """The actors of a parsed article, one per real-world actor, each with all its mentions.

    `published` (an ISO date) picks the offices people held on that day; without it, current offices.
    """
    dictionary = dictionary or ActorDictionary.load()
    if len(doc) == 0:
        return ActorIndex([])
    view = DocView.of(doc)
    day = to_day(published)
    hits = dictionary.matcher(doc.vocab).hits(doc)
    scan = find_names(view, hits, view.source, dictionary.lexicon, dictionary.by_code, day)
    ctx = Context(view, view.source, dictionary, day, scan.names, scan.cues)
    book = Book()
    consumed = link_names(ctx, book)
    resolve_descriptions(ctx, book, find_descriptions(ctx, consumed))
    resolve_pronouns(ctx, book)
    return build_index(ctx, book)


@stage("actors", requires=("Doc", "Article.published"), assigns=("Article.actors",))
def actors_stage(doc, ctx: StageContext) -> ActorIndex:
    """Find the canonical actors of a parsed article (the index the later stages match mentions against)."""
    return find_actors(doc, published=ctx.published, dictionary=ctx.dictionary)
