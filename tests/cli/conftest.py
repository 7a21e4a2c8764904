"""The CLI tests use the stores of tests/views/conftest.py (built once per session, shared by file)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("redline_tests_view_stores_cli", Path(__file__).parents[1] / "views" / "conftest.py")
_stores = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_stores)

examples_db = _stores.examples_db
