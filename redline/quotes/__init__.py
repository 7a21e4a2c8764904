"""Who said what: direct, mixed and reported quotes, each tied to its cue, speaker and source sentence.

    find_quotes(doc) -> list[QuoteSpan]           # pure: spans in the article text, before actor resolution
    attribute(spans, actors) -> list[Quote]       # speakers resolved through the actor index
    extract_quotes(doc, actors) -> list[Quote]    # both; the "quotes" pipeline stage
"""

from .attribute import attribute, extract_quotes
from .find import find_quotes
from .model import Quote, QuoteSpan
from .stage import quotes_stage

__all__ = ["Quote", "QuoteSpan", "attribute", "extract_quotes", "find_quotes", "quotes_stage"]
