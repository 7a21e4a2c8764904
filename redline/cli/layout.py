"""Column widths for the listings (positions, quotes, events) that break lines only between words.

rich shrinks every column of a table too wide for the terminal, and then folds words in the middle. Here
the widths are chosen before rendering: each short column gets at least its longest word, the long text
column (the evidence or the quote) the rest. When even that does not fit (80 columns and seven fields),
the short fields are stacked, one per line, in one column beside the text. `--wide` lays every cell out
on one line, as wide as it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

SHORT_CAP = 24  # the widest a short column is made when its cells are longer (they wrap between words)
MIN_TEXT = 30  # the narrowest the text column may be before the short fields are stacked


@dataclass(frozen=True, slots=True)
class Listing:
    """A listing to lay out: its title, column names, rows of plain cells, and which column is the long text."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    text_column: str


def longest_word(cells: list[str]) -> int:
    """The width of the longest word (space- or line-separated) in the cells."""
    return max((cell_len(word) for cell in cells for word in cell.split()), default=1)


def longest_line(cells: list[str]) -> int:
    """The width of the longest line in the cells."""
    return max((cell_len(line) for cell in cells for line in cell.split("\n")), default=1)


def frame(columns: int) -> int:
    """Cells taken by a table's borders and padding around `columns` columns (rich's default box)."""
    return 3 * columns + 1


def render_listing(listing: Listing, *, width: int, wide: bool = False) -> Table:
    """The listing as a table that fits `width` without breaking a word (or one line per cell, if `wide`)."""
    if wide:
        return _table(listing.title, listing.headers, listing.rows, widths=None)
    text_at = listing.headers.index(listing.text_column)
    columns = [[row[i] for row in listing.rows] + [listing.headers[i]] for i in range(len(listing.headers))]
    others = [c for n, c in enumerate(columns) if n != text_at]
    least = [longest_word(c) for c in others]  # below this a word would break
    liked = [max(w, min(longest_line(c), SHORT_CAP)) for w, c in zip(least, others)]
    room = width - frame(len(listing.headers)) - sum(least)
    text_natural, text_least = longest_line(columns[text_at]), max(MIN_TEXT, min(longest_word(columns[text_at]), width // 2))
    if room >= text_least:
        extra = sum(liked) - sum(least)
        # the short columns get their liked width when the text keeps half the room (or all it needs)
        short = liked if room - extra >= min(text_natural, max(text_least, room // 2)) else least
        text = min(text_natural, room - (sum(short) - sum(least)))
        widths = short[:text_at] + [text] + short[text_at:]
        return _table(listing.title, listing.headers, listing.rows, widths=widths)
    return _stacked(listing, width=width, text_at=text_at)


def _stacked(listing: Listing, *, width: int, text_at: int) -> Table:
    """Two columns: the short fields one per line beside the text. The first field comes as it is, the
    middle ones as `name: value` (empty ones and `-` left out), the last (where it was found) as it is."""
    names = [h for n, h in enumerate(listing.headers) if n != text_at]
    rows = [(_fields(names, [cell for n, cell in enumerate(row) if n != text_at]), row[text_at])
            for row in listing.rows]
    heading = f"{names[0]} / details"
    fields = [r[0] for r in rows] + [heading]
    left = max(longest_word(fields), min(longest_line(fields), SHORT_CAP))
    right = max(width - frame(2) - left, 1)
    return _table(listing.title, (heading, listing.text_column), rows, widths=[left, right])


def _fields(names: list[str], cells: list[str]) -> str:
    """One stacked cell: the first value, `name: value` lines for the middle ones, the last value."""
    middle = [f"{name}: {cell}" for name, cell in zip(names[1:-1], cells[1:-1]) if cell and cell != "-"]
    return "\n".join([cells[0], *middle, cells[-1]])


def _table(title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], *, widths: list[int] | None) -> Table:
    """A rich table with the given column widths (None: each cell on one line, no wrapping)."""
    table = Table(title=title, show_lines=True)
    for n, name in enumerate(headers):
        if widths is None:
            table.add_column(name, no_wrap=True, overflow="ignore")
        else:
            table.add_column(name, width=widths[n], overflow="fold")  # fold only what is longer than the column
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table
