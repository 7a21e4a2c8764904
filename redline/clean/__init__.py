"""Cleaning scraped plain-text pages: boilerplate removal, article segmentation, title and dateline date."""

from __future__ import annotations

from .lines import line_key
from .options import CleanOptions
from .page import clean_page
from .recurring import RecurringLines

__all__ = ["CleanOptions", "RecurringLines", "clean_page", "line_key"]
