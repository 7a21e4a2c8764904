"""`redline report`: the overview (stance matrix, impasses, openings, latest events, shifts, quotes) on the
terminal or as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from redline.cli.shared import (
    DbOption, OfficialOption, ProfileOption, SinceOption, SourceOption, UntilOption, app, check_profile, db_path,
    err, open_readonly, out, parse_filters,
)
from redline.cli.terminal import print_report
from redline.report.html import render_html
from redline.views.overview import overview


@app.command()
def report(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    html: Optional[Path] = typer.Option(None, "--html", help="Write the report as one self-contained HTML file."),
    since: Optional[str] = SinceOption,
    until: Optional[str] = UntilOption,
    source: Optional[str] = SourceOption,
    official: Optional[str] = OfficialOption,
) -> None:
    """The overview: stance matrix, impasses and openings with evidence, latest events, shifts, most-cited quotes."""
    filters = parse_filters(since=since, until=until, source=source, official=official)
    case = check_profile(profile)
    with open_readonly(db) as store:
        path = write_or_print(store, filters=filters, profile=case, html=html, title=f"redline report: {db_path(db).name}")
    if path is not None:
        err.print(f"report written to {path}", highlight=False, soft_wrap=True)


def write_or_print(store, *, filters, profile, html: Optional[Path], title: str) -> Optional[Path]:
    """Build the overview; write it as HTML to `html` (its path returned) or print it on the terminal (None)."""
    view = overview(store, filters=filters, profile=profile)
    if html is None:
        print_report(view, console=out, title=title)
        return None
    html.write_text(render_html(view, title=title), encoding="utf-8")
    return html
