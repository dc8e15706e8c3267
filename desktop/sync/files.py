"""Small files the sync keeps in the data dir, written so that a crash leaves old or new."""

import json
import os
from pathlib import Path
from typing import Any


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Temp file, fsync, rename. ``private``: readable and writable by the user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if private:
        os.chmod(tmp, 0o600)  # on Windows the per-user data dir already keeps others out
    os.replace(tmp, path)


def write_json(path: Path, data: dict[str, Any], *, private: bool = False) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomically(path, text.encode("utf-8"), private=private)


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``, or None if it is missing or unreadable (treated as absent)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
