"""Imports point one way (docs/architecture.md, "Layers"), read from the source with ``ast``.

Every ``import`` of every module under desktop/ counts: at the top, inside a function, under
``if TYPE_CHECKING:`` and ``import_module("…")`` with a written-out name. The rules:

- domain imports nothing of ours but ``desktop.domain``, and neither Qt nor SQLAlchemy;
- store imports only domain, store and the leaf helpers, and no Qt;
- the indicator queries (``desktop.indicators``, shared by the app and the receiver) import
  only domain, themselves and the leaf helpers, and neither Qt nor SQLAlchemy;
- services import no UI (``desktop.ui``) and no Qt;
- the street-office receiver (``desktop/sync/receiver*``) imports no ``desktop.services`` and
  no UI, and reaches no Qt even through the modules it imports (it runs without PySide6);
- the UI imports no SQLAlchemy;
- nothing outside the UI imports ``desktop.ui`` but ``desktop.app`` (which opens the window);
- the leaf helpers (``desktop/paths.py``, ``desktop/shared_files.py``) import nothing of ours.

KNOWN_EXCEPTIONS lists the imports that break a rule today, each with why; any other one fails.
"""

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"
QT = ("PySide6", "shiboken6")
SQLALCHEMY = ("sqlalchemy",)
# Helpers below every layer but the domain: where the shipped files are, file modes.
LEAVES = ("desktop.paths", "desktop.shared_files")

# (importing module, imported module): why it is allowed for now. Remove a line once the import
# is gone (test_known_exceptions_are_still_needed says so).
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. desktop.ui.pages.needs
    target: str  # the module imported, e.g. desktop.services.needs or PySide6.QtCore
    line: int
    runtime: bool  # False under ``if TYPE_CHECKING:``


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(DESKTOP.rglob("*.py"))}


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _from_target(source: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = source.split(".") if path.name == "__init__.py" else source.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


@cache
def imports_of(source: str) -> tuple[Import, ...]:
    path = modules()[source]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    typing_only = _type_checking_lines(tree)
    found: list[Import] = []

    def add(target: str, node: ast.AST) -> None:
        line = getattr(node, "lineno", 0)
        found.append(Import(source, target, line, line not in typing_only))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node)
        elif isinstance(node, ast.ImportFrom):
            target = _from_target(source, path, node)
            for alias in node.names:  # `from desktop.services import needs`: a module
                sub = f"{target}.{alias.name}"
                add(sub if sub in modules() else target, node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            add(node.args[0].value, node)
    return tuple(found)


def within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def ours(name: str) -> bool:
    return within(name, "desktop")


def is_receiver(name: str) -> bool:
    """The receiver's modules: desktop/sync/receiver/ or desktop/sync/receiver*.py."""
    parts = name.split(".")
    return len(parts) >= 3 and parts[:2] == ["desktop", "sync"] and parts[2].startswith("receiver")


def broken_rule(imp: Import) -> str | None:
    """Which rule ``imp`` breaks, in words; None when it keeps them all."""
    source, target = imp.source, imp.target
    if within(source, *LEAVES) and ours(target):
        return "a leaf helper imports nothing of ours"
    if within(source, "desktop.domain"):
        if ours(target) and not within(target, "desktop.domain"):
            return "domain imports only desktop.domain"
        if within(target, *QT, *SQLALCHEMY):
            return "domain imports neither Qt nor SQLAlchemy"
    if within(source, "desktop.store"):
        if ours(target) and not within(target, "desktop.domain", "desktop.store", *LEAVES):
            return "store imports only domain, store and the leaf helpers"
        if within(target, *QT):
            return "store imports no Qt"
    if within(source, "desktop.indicators"):
        if ours(target) and not within(target, "desktop.domain", "desktop.indicators", *LEAVES):
            return "indicators import only domain, indicators and the leaf helpers"
        if within(target, *QT, *SQLALCHEMY):
            return "indicators import neither Qt nor SQLAlchemy"
    if within(source, "desktop.services") and within(target, "desktop.ui", *QT):
        return "services import no UI and no Qt"
    if is_receiver(source) and within(target, "desktop.services", "desktop.ui", *QT):
        return "the receiver imports no services, no UI and no Qt"
    if within(source, "desktop.ui") and within(target, *SQLALCHEMY):
        return "the UI imports no SQLAlchemy"
    if within(target, "desktop.ui") and not within(source, "desktop.ui", "desktop.app"):
        return "only desktop.app imports the UI"
    return None


def all_imports() -> list[Import]:
    return [imp for source in modules() for imp in imports_of(source)]


def violations() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for imp in all_imports():
        rule = broken_rule(imp)
        if rule is not None:
            where = f"{modules()[imp.source].relative_to(ROOT)}:{imp.line}: {rule}"
            found.setdefault((imp.source, imp.target), [])
            if where not in found[(imp.source, imp.target)]:  # one line per statement
                found[(imp.source, imp.target)].append(where)
    return found


def reached_at_runtime(start: str) -> dict[str, str]:
    """Every module ``start`` may load (imports in functions included, type-only ones not),
    with the module of ours that imports it; packages of a module count as loaded too."""
    reached: dict[str, str] = {start: start}
    todo = [start]
    while todo:
        source = todo.pop()
        for imp in imports_of(source):
            if not imp.runtime:
                continue
            parts = imp.target.split(".")
            for n in range(1, len(parts) + 1):
                name = ".".join(parts[:n])
                if name in reached:
                    continue
                reached[name] = source
                if name in modules():
                    todo.append(name)
    return reached


def test_the_source_is_found():
    """The walk sees the layers (a moved folder must not make every rule pass)."""
    names = modules()
    layers = (
        "desktop.domain",
        "desktop.store",
        "desktop.indicators",
        "desktop.services",
        "desktop.ui",
    )
    for package in layers:
        assert sum(within(n, package) for n in names) > 3, package
    assert any(is_receiver(n) for n in names)
    assert any(i.target == "desktop.domain.kinds" for i in imports_of("desktop.ui.events"))


def test_imports_point_one_way():
    new = {pair: where for pair, where in violations().items() if pair not in KNOWN_EXCEPTIONS}
    lines = [f"{w} ({source} imports {target})" for (source, target), ws in new.items() for w in ws]
    assert not new, 'imports against docs/architecture.md, "Layers":\n' + "\n".join(lines)


def test_known_exceptions_are_still_needed():
    gone = sorted(set(KNOWN_EXCEPTIONS) - set(violations()))
    assert not gone, f"no longer imported: remove from KNOWN_EXCEPTIONS: {gone}"


def test_the_receiver_runs_without_qt():
    """`pip install -e ".[street]"` brings no PySide6: nothing the receiver loads may need it."""
    receiver = [n for n in modules() if is_receiver(n)]
    for start in receiver:
        reached = reached_at_runtime(start)
        qt = {name: by for name, by in reached.items() if within(name, *QT)}
        assert not qt, f"{start} reaches Qt: " + ", ".join(f"{by} → {n}" for n, by in qt.items())
