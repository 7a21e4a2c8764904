"""`redline profile`: case profiles (the parties and issues of a negotiation): draft one, list the shipped."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
import yaml

from redline.cli.shared import DbOption, app, err, open_readonly, out
from redline.positions import suggest_profile
from redline.positions.profile import shipped_profiles

profile_app = typer.Typer(help="Case profiles: the parties and issues of a negotiation.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


@profile_app.command("suggest")
def profile_suggest(
    db: Optional[Path] = DbOption,
    key: str = typer.Option("my-case", "--key", help="The new profile's key."),
    output: Optional[Path] = typer.Option(None, "--out", help="Write the YAML here (default: stdout)."),
) -> None:
    """Draft a case profile (parties, issues with their phrases) from the stored articles, to edit."""
    with open_readonly(db) as store:
        articles = [store.article(a.id) for a in store.articles(include_duplicates=False)]
    text = yaml.safe_dump(suggest_profile(articles, key=key), sort_keys=False, allow_unicode=True)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"profile draft written to {output}")
    else:
        sys.stdout.write(text)


@profile_app.command("list")
def profile_list() -> None:
    """List the shipped case profiles."""
    for name in shipped_profiles():
        out.print(name)
