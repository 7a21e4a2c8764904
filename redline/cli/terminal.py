"""Every terminal table of the CLI, rendered with rich: the listings (articles, quotes, events, positions,
matrix, shifts), the run summary, and the report (matrix, impasses, openings, latest events, shifts, quotes).

Article text goes through `Text` objects or `markup=False`, never through rich markup, so brackets in an
article cannot style or hide anything. Plain (no colour) when the output is piped: rich decides that.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from redline.cli.layout import Listing, render_listing
from redline.ingest.repair import escape_name
from redline.records import RunSummary
from redline.dealspace import select_matrix
from redline.views.overview import EvidenceRef, IssueRow, Overview

STANCE_STYLE = {"red_line": "bold red", "reject": "red", "precondition": "yellow", "demand": "yellow",
                "open": "green", "offer": "bold green"}
STATUS_STYLE = {"impasse": "bold red", "contested": "yellow", "agenda": "bold green", "one-sided": "dim", "unknown": "dim"}
SENTENCE = 220  # characters of an evidence sentence shown in the report
LISTED = 160  # characters of an evidence sentence shown in a listing


def print_summary(summary: RunSummary, *, console: Console) -> None:
    """The end-of-run summary: counts, then one line per problem."""
    console.print(
        f"[bold]{summary.files}[/] files, [bold]{summary.documents}[/] documents read, "
        f"[bold]{summary.already_stored}[/] already stored; [bold]{summary.articles}[/] articles "
        f"([bold]{summary.unique}[/] unique, {summary.duplicates} duplicates of which {summary.near_duplicates} near), "
        f"{summary.non_english} non-English; {summary.seconds:.1f} s"
        + (f"; {summary.unexpected} unexpected errors (each skipped unit named below)" if summary.unexpected else ""),
        highlight=False,
        soft_wrap=True,
    )
    skipped = [p for p in summary.problems if not p.stored]
    flagged = [p for p in summary.problems if p.stored]
    for label, problems in (("skipped", skipped), ("flagged", flagged)):
        if problems:
            console.print(f"[bold]{len(problems)} {label}:[/]")
            for problem in problems:
                # escaped: a name with a line break or terminal escapes must stay one inert line
                console.print(f"  {escape_name(problem.input)}: {escape_name(problem.reason)}", highlight=False,
                              markup=False, soft_wrap=True)


def _cut(text: str, length: int) -> str:
    """Text cut to `length` characters, with an ellipsis when cut."""
    return text if len(text) <= length else text[:length - 3] + "..."


def stance_cell(direction: str, stance: str, breakdown: dict) -> Text:
    """A matrix cell: the direction, the stance in its colour, then items for / against / open / conditional."""
    counts = "/".join(str(breakdown.get(d, 0)) for d in ("for", "against", "open", "conditional"))
    return Text.assemble(f"{direction} ", (stance, STANCE_STYLE.get(stance, "")), f" {counts}")


def status_cell(status: str) -> Text:
    """An issue's status in its colour."""
    return Text(status, style=STATUS_STYLE.get(status, ""))


def _add_plain_row(table: Table, *cells: str) -> None:
    """A table row of text taken as it is (no rich markup): article text may hold brackets."""
    table.add_row(*(Text(cell) for cell in cells))


def _matrix_table(title: str, parties: list[str], rows) -> Table:
    """The stance matrix frame: an issue and a status column, then one column per party; `rows` the cells."""
    table = Table(title=title, show_lines=True)
    table.add_column("issue", overflow="fold")
    table.add_column("status")
    for party in parties:
        table.add_column(Text(party), overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


# -- listings ---------------------------------------------------------------------------------------------

def articles_table(rows, *, title: str) -> Table:
    """A terminal table of articles: id, date, source, language, title, words, duplicate."""
    table = Table(title=title, show_lines=False)
    for name in ("id", "published", "source", "lang", "title", "words", "duplicate of"):
        table.add_column(name, overflow="ellipsis", no_wrap=name != "title")
    for a in rows:
        _add_plain_row(
            table, a.id, a.published or "-", (a.source or "-")[:24], a.language or "-", (a.title or "(no title)")[:80],
            str(len(a.text.split())), a.duplicate_of or "",
        )
    return table


def quotes_table(rows, *, title: str, width: int = 120, wide: bool = False) -> Table:
    """A terminal table of quotes: speaker, country, cue, direct, text, article; lines break between words
    to fit `width` (`wide`: one line per field)."""
    cells = [(q.speaker or "(unnamed)", q.speaker_country or "-", q.cue or "-", "yes" if q.direct else "reported",
              _cut(q.text, 200), record_where(row)) for row in rows for q in (row.record,)]
    headers = ("speaker", "country", "cue", "direct", "quote", "article / id")
    return render_listing(Listing(title, headers, cells, text_column="quote"), width=width, wide=wide)


def record_where(row) -> str:
    """Where a stored record is: its article id and date, its stable id (what a review names), its review."""
    return _where(row.article_id, row.published, row.id, row.review)


def _where(article_id: str, published: str | None, record_id: str | None, review: str | None) -> str:
    """The "where" cell of a listing: article id, date, stable record id and review, one per line."""
    return "\n".join(x for x in (article_id, published, record_id, review and f"[{review}]") if x)


def events_table(rows, *, title: str, width: int = 120, wide: bool = False) -> Table:
    """A terminal table of events, each given with where it was found: type, status, source, target, date,
    evidence, where; lines break between words to fit `width` (`wide`: one line per field)."""
    cells = []
    for event, where in rows:
        status = ("not " if event.negated else "") + event.status
        if event.mediated_by:
            status += f"\nmediated by {event.mediated_by}"
        cells.append((event.type, status, ", ".join(event.source) or "-", ", ".join(event.target) or "-",
                      event.date or "-", _cut(event.text.strip(), LISTED), where))
    headers = ("type", "status", "source", "target", "date", "evidence", "where")
    return render_listing(Listing(title, headers, cells, text_column="evidence"), width=width, wide=wide)


def positions_table(rows, *, title: str, width: int = 120, wide: bool = False) -> Table:
    """A terminal table of positions (evidence): party, issue, stance (and its direction toward the issue when
    the deal space has placed it), via, evidence, article; lines break between words to fit `width`."""
    cells = []
    for e in rows:
        p = e.position
        via = (p.via or "-") + ("" if p.official else " (commentary)") + (" (reported)" if p.reported else "")
        stance = p.stance + (f"\n{e.direction}" if getattr(e, "direction", None) else "")
        cells.append((p.actor, p.issue, stance, via, _cut(p.text.strip(), LISTED),
                      _where(e.article_id, e.published, e.record_id, e.review)))
    headers = ("party", "issue", "stance", "via", "evidence", "article / id")
    return render_listing(Listing(title, headers, cells, text_column="evidence"), width=width, wide=wide)


def matrix_table(analysis, *, profile=None, show_all: bool = False, max_issues: int = 15, max_parties: int = 6) -> Table:
    """The stance matrix of a deal-space analysis: one row per issue, one column per party.

    Unless `show_all`: with a profile, its issues and parties only; without, the issues two or more
    parties hold, then the best-evidenced, and the parties with the most evidence.
    """
    if show_all:
        issues = analysis.issues
        parties = select_matrix(analysis, profile=None, max_issues=len(issues), max_parties=10**6).parties
    else:
        choice = select_matrix(analysis, profile=profile, max_issues=max_issues, max_parties=max_parties)
        issues, parties = choice.issues, choice.parties
    hidden = len(analysis.issues) - len(issues)
    title = ("stance matrix (direction, stance, items for/against/open/conditional)"
             + (f"; {hidden} more issues with --all" if hidden else ""))
    rows = []
    for issue in issues:
        cells = [Text("") if (s := issue.parties.get(party)) is None else
                 stance_cell(s.direction, s.stance, s.breakdown.to_json()) for party in parties]
        rows.append((Text(issue.label or issue.issue), status_cell(issue.status), *cells))
    return _matrix_table(title, parties, rows)


def shifts_table(shifts) -> Table:
    """The shifts of a deal-space analysis: party, issue, direction, stance and sentence before and after."""
    table = Table(title=f"{len(shifts)} shifts", show_lines=True)
    for name in ("party", "issue", "before", "after"):
        table.add_column(name, overflow="fold")
    for shift in shifts:
        side = lambda e, d: f"{d}: {e.position.stance} ({e.date})\n{e.position.text.strip()[:120]}"  # noqa: E731
        _add_plain_row(table, shift.actor, shift.issue, side(shift.before, shift.before_direction),
                       side(shift.after, shift.after_direction))
    return table


# -- the report ---------------------------------------------------------------------------------------------

def print_report(view: Overview, *, console: Console, title: str) -> None:
    """Print every section of the report."""
    console.print(Text(title, style="bold"))
    console.print(_header(view), highlight=False, soft_wrap=True)
    console.print(report_matrix(view))
    for name, rows in (("impasses", view.impasses), ("openings", view.openings)):
        console.print(issues_table(rows, title=f"{len(rows)} {name} (each party's strongest evidence)"))
    console.print(latest_events_table(view))
    console.print(report_shifts_table(view))
    console.print(cited_quotes_table(view))


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
    """A sentence on one line, cut to the report's length."""
    return _cut(" ".join(text.split()), SENTENCE)


def _evidence(ref: EvidenceRef) -> Text:
    """An evidence sentence with who, source, date and where (article id and offsets)."""
    who = (ref.via or ref.actor or "") + (" (commentary)" if ref.official is False else "")
    text = Text(f"\u201c{_short(ref.text)}\u201d\n")
    text.append(f"{who} · {ref.source or 'unknown source'}, {ref.published or 'undated'} · {ref.article_id}"
                f" [{ref.start}:{ref.end}]" + (f" · reviewed: {ref.review}" if ref.review else ""), style="dim")
    return text


def report_matrix(view: Overview) -> Table:
    """The overview's stance matrix: issues x parties, each cell its stance and evidence count / sources."""
    hidden = f"; {view.hidden_issues} more issues" if view.hidden_issues else ""
    rows = []
    for row in view.issues:
        cells = [Text("") if (c := row.cells.get(party)) is None else stance_cell(c.direction, c.stance, c.breakdown)
                 for party in view.parties]
        rows.append((Text(row.label or row.issue), status_cell(row.status), *cells))
    return _matrix_table(f"stance matrix (direction, stance, items for/against/open/conditional){hidden}",
                         view.parties, rows)


def issues_table(rows: list[IssueRow], *, title: str) -> Table:
    """Issues with their status and, per party, its stance and strongest evidence sentence."""
    table = Table(title=title, show_lines=True)
    for name in ("issue", "party", "stance", "strongest evidence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        for n, ref in enumerate(row.strongest()):
            cell = row.cells[ref.actor]
            table.add_row(Text(f"{row.label or row.issue} ({row.issue})") if n == 0 else "", Text(ref.actor or ""),
                          stance_cell(cell.direction, cell.stance, cell.breakdown), _evidence(ref))
    return table


def latest_events_table(view: Overview) -> Table:
    """The latest events, newest first, with their first report's sentence."""
    table = Table(title=f"latest {len(view.latest_events)} events", show_lines=True)
    for name in ("date", "event", "who", "to whom", "evidence"):
        table.add_column(name, overflow="fold")
    for e in view.latest_events:
        kind = ("not " if e.negated else "") + f"{e.type}\n{e.status}"
        evidence = [_evidence(e.evidence[0])] if e.evidence else []
        if e.mentions > 1:
            evidence.append(Text(f"{e.mentions} mentions, {e.sources} sources", style="dim"))
        when = f"{e.date}\nundated (ingested)" if e.undated and e.date else e.date or "undated"
        table.add_row(when, kind, Text(", ".join(e.source) or "-"), Text(", ".join(e.target) or "-"),
                      Group(*evidence))
    return table


def report_shifts_table(view: Overview) -> Table:
    """The overview's shifts: a party's stance before and after, with both sentences."""
    table = Table(title=f"{len(view.shifts)} shifts", show_lines=True)
    for name in ("party", "issue", "before", "after"):
        table.add_column(name, overflow="fold")
    for s in view.shifts:
        side = lambda r, d: Group(Text(f"{d}: {r.stance or ''}", style=STANCE_STYLE.get(r.stance or "", "")),  # noqa: E731
                                  _evidence(r))
        table.add_row(Text(s.actor), Text(s.issue), side(s.before, s.before_direction), side(s.after, s.after_direction))
    return table


def cited_quotes_table(view: Overview) -> Table:
    """The most-cited quotes: speaker, how many articles and sources, the words and the first citation."""
    table = Table(title=f"{len(view.top_quotes)} most-cited quotes", show_lines=True)
    for name in ("speaker", "cited", "quote"):
        table.add_column(name, overflow="fold")
    for q in view.top_quotes:
        table.add_row(Text(q.speaker), f"{q.articles} articles\n{q.sources} sources",
                      _evidence(q.citations[0]) if q.citations else Text(_short(q.text)))
    return table


def reviews_table(rows) -> Table:
    """A terminal table of reviewed records (redline.review.ListedReview): id, type, verdict, values, evidence, who."""
    orphans = sum(r.orphaned for r in rows)
    table = Table(title=f"{len(rows)} reviewed records" + (f" ({orphans} orphaned)" if orphans else ""), show_lines=True)
    for name in ("id", "type", "verdict", "values", "evidence", "who / when", "note"):
        table.add_column(name, overflow="fold")
    for row in rows:
        r = row.review
        values = ", ".join(f"{k}={v}" for k, v in r.values.items() if k not in ("text", "start", "end")) or "-"
        _add_plain_row(table, r.record_id, r.kind, r.verdict + (" (orphaned)" if row.orphaned else ""), values,
                       _cut((row.text or "").strip(), 120), f"{r.who}\n{r.created}", r.note or "")
    return table
