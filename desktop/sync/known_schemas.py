"""Write known_schemas.json: the schema a snapshot holds at each of the app's Alembic revisions.

    python -m desktop.sync.known_schemas            after adding or changing a migration
    python -m desktop.sync.known_schemas --fresh    only what the migrations write now

The receiver compares every uploaded file with these (untrusted.py) and never runs Alembic
itself. Each revision is migrated to in turn on an empty file, as the app does, and a snapshot
of it taken with snapshot.py is read. A revision's schema written before keeps its place when
the new one differs (a library upgrade that lays out the SQL otherwise): files made by the
older build are still in use (``--fresh`` drops them, e.g. after a migration that was never
released changed). tests/sync/test_untrusted.py fails while the file is stale.

Development only: this imports Alembic and the app's store, which the receiver does not.
"""

import json
import sys
import tempfile
from pathlib import Path

from desktop.sync import untrusted
from desktop.sync.snapshot import take_snapshot
from desktop.sync.untrusted import KNOWN_SCHEMAS, SchemaRow


def generate() -> dict[str, frozenset[SchemaRow]]:
    """{revision: the schema of a snapshot at that revision}, oldest first, from the migrations."""
    from desktop.store import migrate

    schemas: dict[str, frozenset[SchemaRow]] = {}
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "shuren.sqlite3"
        for revision in migrate.script_revisions():
            migrate.upgrade_to_head(database, revision)
            snapshot = take_snapshot(database, Path(folder) / f"{revision}.sqlite3")
            with untrusted.open_untrusted(snapshot) as connection:
                schemas[revision] = untrusted.read_schema(connection)
    return schemas


def merged(
    fresh: dict[str, frozenset[SchemaRow]], kept: dict[str, tuple[frozenset[SchemaRow], ...]]
) -> dict[str, list[frozenset[SchemaRow]]]:
    """Each revision's known schemas: those already listed, then the fresh one if it is new.
    A revision the migrations no longer have is dropped."""
    result: dict[str, list[frozenset[SchemaRow]]] = {}
    for revision, schema in fresh.items():
        variants = list(kept.get(revision, ()))
        if schema not in variants:
            variants.append(schema)
        result[revision] = variants
    return result


def render(schemas: dict[str, list[frozenset[SchemaRow]]]) -> str:
    """The JSON text: one sqlite_master row per line, sorted, so a diff shows what changed."""
    lines = [
        "{",
        ' "note": "Written by python -m desktop.sync.known_schemas; do not edit by hand.",',
        ' "revisions": {',
    ]
    for n, (revision, variants) in enumerate(schemas.items()):
        lines.append(f"  {json.dumps(revision)}: [")
        for v, schema in enumerate(variants):
            rows = sorted(schema, key=lambda row: (row[0], row[1], row[2], row[3] or ""))
            lines.append("   [")
            lines += [
                f"    {json.dumps(list(row), ensure_ascii=False)}{',' if i < len(rows) - 1 else ''}"
                for i, row in enumerate(rows)
            ]
            lines.append("   ]" + ("," if v < len(variants) - 1 else ""))
        lines.append("  ]" + ("," if n < len(schemas) - 1 else ""))
    lines += [" }", "}", ""]
    return "\n".join(lines)


def current_text(*, fresh: bool = False) -> str:
    """What known_schemas.json should hold now."""
    kept = untrusted.known_schemas() if KNOWN_SCHEMAS.is_file() and not fresh else {}
    return render(merged(generate(), kept))


def main(argv: list[str] | None = None) -> int:
    text = current_text(fresh="--fresh" in (sys.argv[1:] if argv is None else argv))
    if KNOWN_SCHEMAS.is_file() and KNOWN_SCHEMAS.read_text(encoding="utf-8") == text:
        print(f"{KNOWN_SCHEMAS} is up to date")
        return 0
    KNOWN_SCHEMAS.write_text(text, encoding="utf-8", newline="\n")
    untrusted.known_schemas.cache_clear()
    print(f"wrote {KNOWN_SCHEMAS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
