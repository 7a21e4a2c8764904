"""`redline serve`: the dashboard (HTML pages and their .json twins) over the store, read-only unless --review."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from redline.cli.shared import DbOption, ProfileOption, app, check_profile, db_path, err


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    profile: Optional[str] = ProfileOption,
    allow_host: Optional[List[str]] = typer.Option(
        None, "--allow-host", help="Also answer requests for this Host name (repeatable); by default only"
        " localhost names and the --host address are answered (against DNS rebinding)."),
    review: bool = typer.Option(False, "--review", help="Turn reviewing on: confirm/reject/correct/add forms (writes)."),
    review_token: Optional[str] = typer.Option(
        None, "--review-token", help="Secret reviewers must send to write when --host is not 127.0.0.1 (without it"
        " such a server refuses every write)."),
) -> None:
    """Serve the dashboard (HTML pages and their .json twins) over the store at http://HOST:PORT/: read-only unless
    --review."""
    # Imported here, not at the top: the web stack (starlette, uvicorn) would slow every other command's start-up.
    import uvicorn

    from redline.web.app import AppOptions, create_app

    case = check_profile(profile)
    path = db_path(db)
    try:
        web = create_app(path, profile=case, options=AppOptions(allowed_hosts=(host, *(allow_host or ())), review=review,
                                                                bind=host, review_token=review_token))
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(f"serving {path} at http://{host}:{port}/ (JSON: add .json to a page's path; Ctrl-C stops)", highlight=False)
    if review:
        err.print("reviewing on: confirm/reject/correct on evidence items, add records from the article pages"
                  + ("" if host == "127.0.0.1" or review_token else f"; writes refused: bound to {host} without --review-token"),
                  highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")
