"""The overview printed on a terminal with rich: matrix, impasses, openings, latest events, shifts, quotes.

Article text goes through `Text` objects or `markup=False`, never through rich markup, so brackets in an
article cannot style or hide anything. Plain (no colour) when the output is piped: rich decides that.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from redline.cli import STANCE_STYLE, STATUS_STYLE  # the styles of `redline matrix`
from redline.views.overview import EvidenceRef, IssueRow, Overview

SENTENCE = 220  # characters of an evidence sentence shown on a terminal


def print_report(view: Overview, *, console: Console, title: str) -> None:
    """Print every section of the report."""
    console.print(Text(title, style="bold"))
    console.print(_header(view), highlight=False, soft_wrap=True)
    console.print(matrix(view))
    for name, rows in (("impasses", view.impasses), ("openings", view.openings)):
        console.print(issues_table(rows, title=f"{len(rows)} {name} (each party's strongest evidence)"))
    console.print(events_table(view))
    console.print(shifts_table(view))
    console.print(quotes_table(view))


def _header(view: Overview) -> Text:
    """Counts, date range and filters on one line."""
    c = view.counts
    line = (f"{c.articles} articles ({c.first_copies} first copies), {c.positions} positions, {c.events} events, "
            f"{c.quotes} quotes from {len(view.sources)} sources")
    if view.date_range.first:
        line += f"; published {view.date_range.first} to {view.date_range.last}"
    filters = view.filters.to_json()
    if filters:
        line += "; filters: " + ", ".join(f"{k}={v}" for k, v in filters.items())
    if view.profile:
        line += f"; profile {view.profile}"
    return Text(line)


def _short(text: str) -> str:
    """A sentence cut to the terminal length."""
    text = " ".join(text.split())
    return text if len(text) <= SENTENCE else text[:SENTENCE - 3] + "..."


def _evidence(ref: EvidenceRef) -> Text:
    """An evidence sentence with who, source, date and where (article id and offsets)."""
    who = (ref.via or ref.actor or "") + (" (commentary)" if ref.official is False else "")
    text = Text(f"\u201c{_short(ref.text)}\u201d\n")
    text.append(f"{who} · {ref.source or 'unknown source'}, {ref.published or 'undated'} · {ref.article_id}"
                f" [{ref.start}:{ref.end}]", style="dim")
    return text


def matrix(view: Overview) -> Table:
    """The stance matrix: issues x parties, each cell its stance and evidence count / sources."""
    hidden = f"; {view.hidden_issues} more issues" if view.hidden_issues else ""
    table = Table(title=f"stance matrix (direction, stance, items for/against/open/conditional){hidden}", show_lines=True)
    table.add_column("issue", overflow="fold")
    table.add_column("status")
    for party in view.parties:
        table.add_column(Text(party), overflow="fold")
    for row in view.issues:
        cells = []
        for party in view.parties:
            cell = row.cells.get(party)
            cells.append(Text("") if cell is None else
                         Text.assemble(f"{cell.direction} ", (cell.stance, STANCE_STYLE.get(cell.stance, "")), f" {_breakdown(cell)}"))
        table.add_row(Text(row.label or row.issue), Text(row.status, style=STATUS_STYLE.get(row.status, "")), *cells)
    return table


def _breakdown(cell) -> str:
    """A cell's evidence items for / against / open / conditional."""
    return "/".join(str(cell.breakdown.get(d, 0)) for d in ("for", "against", "open", "conditional"))


def issues_table(rows: list[IssueRow], *, title: str) -> Table:
    """Issues with their status and, per party, its stance and strongest evidence sentence."""
    table = Table(title=title, show_lines=True)
    for name in ("issue", "party", "stance", "strongest evidence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        for n, ref in enumerate(row.strongest()):
            cell = row.cells[ref.actor]
            table.add_row(Text(f"{row.label or row.issue} ({row.issue})") if n == 0 else "", Text(ref.actor or ""),
                          Text.assemble(f"{cell.direction} ", (cell.stance, STANCE_STYLE.get(cell.stance, "")),
                                        f" {_breakdown(cell)}"),
                          _evidence(ref))
    return table


def events_table(view: Overview) -> Table:
    """The latest events, newest first, with their first report's sentence."""
    table = Table(title=f"latest {len(view.latest_events)} events", show_lines=True)
    for name in ("date", "event", "who", "to whom", "evidence"):
        table.add_column(name, overflow="fold")
    for e in view.latest_events:
        kind = ("not " if e.negated else "") + f"{e.type}\n{e.status}"
        evidence = [_evidence(e.evidence[0])] if e.evidence else []
        if e.mentions > 1:
            evidence.append(Text(f"{e.mentions} mentions, {e.sources} sources", style="dim"))
        table.add_row(e.date or "undated", kind, Text(", ".join(e.source) or "-"), Text(", ".join(e.target) or "-"),
                      Group(*evidence))
    return table


def shifts_table(view: Overview) -> Table:
    """The shifts: a party's stance before and after, with both sentences."""
    table = Table(title=f"{len(view.shifts)} shifts", show_lines=True)
    for name in ("party", "issue", "before", "after"):
        table.add_column(name, overflow="fold")
    for s in view.shifts:
        side = lambda r, d: Group(Text(f"{d}: {r.stance or ''}", style=STANCE_STYLE.get(r.stance or "", "")),  # noqa: E731
                                  _evidence(r))
        table.add_row(Text(s.actor), Text(s.issue), side(s.before, s.before_direction), side(s.after, s.after_direction))
    return table


def quotes_table(view: Overview) -> Table:
    """The most-cited quotes: speaker, how many articles and sources, the words and the first citation."""
    table = Table(title=f"{len(view.top_quotes)} most-cited quotes", show_lines=True)
    for name in ("speaker", "cited", "quote"):
        table.add_column(name, overflow="fold")
    for q in view.top_quotes:
        table.add_row(Text(q.speaker), f"{q.articles} articles\n{q.sources} sources",
                      _evidence(q.citations[0]) if q.citations else Text(_short(q.text)))
    return table
