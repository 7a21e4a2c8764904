"""`python -m redline.cli`: the same app as the `redline` script."""

from redline.cli import app

app()
