"""The house is one-way: the import-linter contracts hold, no import cycle exists among redline's modules
(imports inside functions counted), and only redline/cli/ imports the CLI."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class ModuleGraph:
    """Modules of a package by dotted name, and the package modules each one imports (anywhere in its body)."""

    files: dict[str, Path]
    imports: dict[str, set[str]]


def _module_name(path: Path, root: Path) -> str:
    """The dotted module name of a file under `root` (a package's __init__ is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _known(name: str, files: dict[str, Path]) -> str | None:
    """The longest known module that `name` is or lies in (`redline.cli.app` -> `redline.cli`)."""
    while name and name not in files:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node: ast.AST, module: str, is_package: bool, files: dict[str, Path]) -> set[str]:
    """The package modules one import statement brings in."""
    if isinstance(node, ast.Import):
        return {t for a in node.names if (t := _known(a.name, files))}
    if not isinstance(node, ast.ImportFrom):
        return set()
    base = node.module or ""
    if node.level:
        parts = module.split(".") if is_package else module.split(".")[:-1]
        parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join([*parts, base] if base else parts)
    found = set()
    for alias in node.names:
        full = f"{base}.{alias.name}"
        target = full if full in files else _known(base, files)
        if target:
            found.add(target)
    return found


def module_graph(root: Path, package: str) -> ModuleGraph:
    """Every import between the modules of `package` under `root`, module-level and function-local alike."""
    files = {_module_name(p, root): p for p in (root / package).rglob("*.py")}
    imports: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found: set[str] = set()
        for node in ast.walk(tree):
            found |= _targets(node, name, path.name == "__init__.py", files)
        imports[name] = found - {name}
    return ModuleGraph(files=files, imports=imports)


def import_cycles(graph: ModuleGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative): each holds a cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for start in sorted(graph.imports):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.imports[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.imports[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def _write(root: Path, files: dict[str, str]) -> None:
    """A throwaway package tree from {relative path: source}."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_architecture_cycle_finder_sees_function_local_and_relative_imports(tmp_path: Path):
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "def f():\n    from pkg.b import g\n    return g\n",
        "pkg/b.py": "from . import c\n",
        "pkg/c.py": "import pkg.a\n",
        "pkg/d.py": "from pkg.a import f\n",
    })
    graph = module_graph(tmp_path, "pkg")
    assert graph.imports["pkg.b"] == {"pkg.c"}
    assert import_cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_architecture_no_import_cycle_among_redline_modules():
    cycles = import_cycles(module_graph(ROOT, "redline"))
    assert cycles == [], f"import cycles (function-local imports count): {cycles}"


def test_architecture_only_the_cli_package_imports_the_cli():
    graph = module_graph(ROOT, "redline")
    assert "redline.cli" in graph.files and "redline.cli.shared" in graph.files
    outside = sorted(m for m, targets in graph.imports.items()
                     if not (m == "redline.cli" or m.startswith("redline.cli."))
                     and any(t == "redline.cli" or t.startswith("redline.cli.") for t in targets))
    assert outside == []


def _lint_imports() -> str | None:
    """The lint-imports script of this interpreter's environment, or on PATH; None when not installed."""
    beside = Path(sys.executable).with_name("lint-imports")
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_architecture_import_linter_contracts_are_kept():
    script = _lint_imports()
    if script is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([script, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
