"""The `redline` commands of this part, registered on the CLI app (imported at the end of redline/cli.py)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from redline.cli import DbOption, ProfileOption, _check_profile, _db, app, err  # noqa: F401  (commands below register on it)


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    profile: Optional[str] = ProfileOption,
    allow_host: Optional[List[str]] = typer.Option(
        None, "--allow-host", help="Also answer requests for this Host name (repeatable); by default only"
        " localhost names and the --host address are answered (against DNS rebinding)."),
) -> None:
    """Serve the dashboard (HTML pages and their .json twins) over the store, read-only, at http://HOST:PORT/."""
    import uvicorn

    from redline.web.app import AppOptions, create_app
    from redline.web.limits import server_limits

    case = _check_profile(profile)
    path = _db(db)
    try:
        web = create_app(path, profile=case, options=AppOptions(allowed_hosts=(host, *(allow_host or ()))))
    except FileNotFoundError as error:
        err.print(f"error: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(f"serving {path} at http://{host}:{port}/ (JSON: add .json to a page's path; Ctrl-C stops)", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning", **server_limits())

