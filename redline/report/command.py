"""The `redline` commands of this part, registered on the CLI app (imported at the end of redline/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from redline.cli import DbOption, ProfileOption, _check_profile, _db, _open_readonly, app, err, out


@app.command()
def report(
    db: Optional[Path] = DbOption,
    profile: Optional[str] = ProfileOption,
    html: Optional[Path] = typer.Option(None, "--html", help="Write the report as one self-contained HTML file."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles published on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Only articles published on or before YYYY-MM-DD."),
    source: Optional[str] = typer.Option(None, "--source", help="Only articles of this source (exact name)."),
    official: Optional[str] = typer.Option(None, "--official", help="Positions voiced by officials: yes, no or all."),
) -> None:
    """The overview: stance matrix, impasses and openings with evidence, latest events, shifts, most-cited quotes."""
    from redline.views.filters import FilterError, Filters

    try:
        filters = Filters.parse(since=since, until=until, source=source, official=official)
    except FilterError as error:
        raise typer.BadParameter(str(error)) from None
    case = _check_profile(profile)
    with _open_readonly(db) as store:
        path = write_or_print(store, filters=filters, profile=case, html=html, title=f"redline report: {_db(db).name}")
    if path is not None:
        err.print(f"report written to {path}", highlight=False, soft_wrap=True)


def write_or_print(store, *, filters, profile, html: Optional[Path], title: str) -> Optional[Path]:
    """Build the overview; write it as HTML to `html` (its path returned) or print it on the terminal (None)."""
    from redline.views.overview import overview

    view = overview(store, filters=filters, profile=profile)
    if html is None:
        from redline.report.terminal import print_report

        print_report(view, console=out, title=title)
        return None
    from redline.report.html import render_html

    html.write_text(render_html(view, title=title), encoding="utf-8")
    return html
