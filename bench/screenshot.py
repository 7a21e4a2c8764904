"""Screenshot of the dashboard's overview for the README: serve a store on 127.0.0.1, open it in headless Chromium.

    .venv/bin/python bench/screenshot.py --db seeds.db --profile us-iran-2026 --out docs/img/dashboard-seeds.png
"""

from __future__ import annotations

import argparse
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    """Parse the options, serve the store, save the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="redline database to show")
    parser.add_argument("--out", required=True, type=Path, help="PNG file to write")
    parser.add_argument("--profile", default="us-iran-2026", help="case profile (default us-iran-2026; '' for open mode)")
    parser.add_argument("--path", default="/", help="page to capture (default the overview)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not just the first screen")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from redline.pipeline import load_profile
    from redline.web.app import create_app
    from redline.web.background import BackgroundServer

    app = create_app(args.db, profile=load_profile(args.profile or None))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with BackgroundServer(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        page.goto(server.url + args.path)
        page.screenshot(path=str(args.out), full_page=args.full_page)
        browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
