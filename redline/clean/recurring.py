"""Lines that recur across many pages of one source: menus, footers and notices the site prints everywhere."""

from __future__ import annotations

from collections import Counter

from .lines import page_keys
from .options import default_options


class RecurringLines:
    """Line keys counted per group over many pages; a key on >= `min_pages` distinct pages is boilerplate evidence.

    The ingest pipeline adds every plain-text page of a run first (group = the page's source, else
    its folder), then cleans each page with `for_group(group)`. A page that repeats another page's
    article is protected by the cleaner itself (see classify._usable_recurring).
    """

    def __init__(self, min_pages: int | None = None) -> None:
        chosen = default_options().recurring_min_pages if min_pages is None else min_pages
        self.min_pages = max(2, int(chosen))  # one page alone is never evidence of recurrence
        self._counts: dict[str, Counter[str]] = {}

    def add(self, group: str, text: str) -> None:
        """Count each distinct line key of one page once for its group."""
        if isinstance(text, str):
            self._counts.setdefault(group, Counter()).update(page_keys(text))

    def for_group(self, group: str) -> frozenset[str]:
        """The keys seen on at least `min_pages` distinct pages of the group (empty for an unknown group)."""
        counts = self._counts.get(group)
        if not counts:
            return frozenset()
        return frozenset(key for key, n in counts.items() if n >= self.min_pages)

    def merge(self, other: "RecurringLines") -> None:
        """Add another collection's counts (e.g. one file's, counted on a batch worker) to these."""
        for group, counts in other._counts.items():
            self._counts.setdefault(group, Counter()).update(counts)

    def groups(self) -> dict[str, frozenset[str]]:
        """Every group's recurring keys: what the cleaner of one page of that group gets."""
        return {group: self.for_group(group) for group in self._counts}
