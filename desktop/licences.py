"""What the app ships that others made, and under which licence: the fonts, the Python
distributions the bundle holds, and the runtimes (Python, SQLite).

The libraries' names, versions and licences are read from their installed metadata
(``importlib.metadata``) at run time, so they are always those of the copy in use; the bundle
build copies the metadata (dist-info) of every distribution in LIBRARIES.
"""

import platform
import re
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Protocol

from sqlcipher3 import dbapi2 as sqlcipher_sqlite

from desktop.paths import fonts_dir, licenses_dir


class Readable(Protocol):
    name: str

    def read_text(self, encoding: str = "utf-8") -> str: ...


# Every Python distribution the app runs on (its dependencies and theirs, as `pip show` lists
# them), by the name its metadata gives. tests/test_licences.py checks the list is complete.
QT_DISTRIBUTIONS = ("PySide6", "PySide6_Essentials", "PySide6_Addons", "shiboken6")
LIBRARIES: tuple[str, ...] = (
    *QT_DISTRIBUTIONS,
    "SQLAlchemy",
    "typing_extensions",  # SQLAlchemy's and alembic's
    "alembic",
    "Mako",  # alembic's
    "MarkupSafe",  # Mako's
    "openpyxl",
    "et_xmlfile",  # openpyxl's
    "reportlab",
    "pillow",  # reportlab's
    "charset-normalizer",  # reportlab's
    "zstandard",
    "pypinyin",
    "platformdirs",
    "sqlcipher3",  # SQLCipher 4, the SQLite the data files are opened with
    "cryptography",  # AES for the sync's plain pages
    "cffi",  # cryptography's
    "pycparser",  # cffi's
)
# Licences a distribution's metadata does not name (its licence text says which).
NAMED_LICENCES = {"sqlcipher3": "Zlib"}

# The Qt wheels carry no licence text: ours, the GNU texts Qt is used under.
GNU_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str  # an SPDX expression or the name the metadata gives
    homepage: str = ""
    texts: tuple[Readable, ...] = field(default=(), compare=False)

    def licence_texts(self) -> list[tuple[str, str]]:
        """(file name, text) of every licence file shipped; empty when none is."""
        found = []
        for text in self.texts:
            try:
                found.append((text.name, text.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue  # a missing file: the licence's name and homepage still say it
        return found


@dataclass(frozen=True)
class Font:
    family: str
    licence: str
    file: str  # in resources/fonts


FONTS = (
    Font(
        "WenQuanYi Micro Hei 文泉驿微米黑",
        "Apache-2.0 OR GPL-3.0-or-later WITH Font-exception-2.0",
        "LICENSE-wqy-microhei.txt",
    ),
    Font("LXGW WenKai 霞鹜文楷", "OFL-1.1", "LICENSE-lxgw-wenkai.txt"),
)


def fonts() -> list[Component]:
    return [
        Component(font.family, "", font.licence, texts=(fonts_dir() / font.file,)) for font in FONTS
    ]


def licence_name(meta: metadata.PackageMetadata) -> str:
    """License-Expression (SPDX), else a short License field, else the licence classifier."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field_text = (meta.get("License") or "").strip()
    if field_text and "\n" not in field_text and len(field_text) <= 40:
        return field_text
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return classifiers[0].rsplit("::", 1)[-1].strip()
    return field_text.splitlines()[0] if field_text else ""


def homepage(meta: metadata.PackageMetadata) -> str:
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    urls = [u.split(",", 1) for u in meta.get_all("Project-URL") or [] if "," in u]
    preferred = ("homepage", "home", "source", "repository", "code", "documentation")
    for wanted in preferred:
        for label, url in urls:
            if label.strip().lower() == wanted:
                return url.strip()
    return urls[0][1].strip() if urls else ""


def _dist_licence_files(dist: metadata.Distribution) -> tuple[Readable, ...]:
    """The licence files in the distribution's dist-info (what the bundle copies)."""
    files = [
        path
        for path in dist.files or ()
        if path.parts and path.parts[0].endswith(".dist-info") and LICENCE_FILE.match(path.name)
    ]
    return tuple(files)


def library(name: str) -> Component:
    """The installed distribution ``name``; PackageNotFoundError when it is not installed."""
    dist = metadata.distribution(name)
    meta = dist.metadata
    texts = _dist_licence_files(dist)
    if name in QT_DISTRIBUTIONS:
        texts = (*texts, *(licenses_dir() / text for text in GNU_TEXTS))
    licence = licence_name(meta) or NAMED_LICENCES.get(name, "")
    return Component(meta["Name"], dist.version, licence, homepage(meta), texts)


def libraries() -> list[Component]:
    """Every library of LIBRARIES that is installed (a copy built without one runs without)."""
    found = []
    for name in LIBRARIES:
        try:
            found.append(library(name))
        except metadata.PackageNotFoundError:
            continue
    return found


def runtimes(qt_version: str) -> list[Component]:
    """The interpreter, Qt (its version from the caller, which may import Qt) and SQLite."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    python_texts = tuple(
        path
        for path in (
            Path(sys.base_prefix) / "LICENSE.txt",  # Windows' builds
            Path(sys.base_prefix) / "lib" / f"python{version}" / "LICENSE.txt",  # POSIX builds
        )
        if path.is_file()
    )
    return [
        Component(
            "Python",
            platform.python_version(),
            "PSF-2.0",
            "https://www.python.org",
            python_texts[:1],
        ),
        Component(
            "Qt",
            qt_version,
            "LGPL-3.0-only",
            "https://www.qt.io",
            tuple(licenses_dir() / text for text in GNU_TEXTS),
        ),
        # The SQLite inside SQLCipher (sqlcipher3), which opens every data file.
        Component("SQLite", sqlcipher_sqlite.sqlite_version, "blessing", "https://sqlite.org"),
    ]
