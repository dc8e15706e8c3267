"""Where the shipped resources (fonts, icons, translations) are, in a checkout or a bundle."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller bundle
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def licenses_dir() -> Path:
    """Licence texts the libraries' own metadata does not carry (Qt's LGPL and GPL)."""
    return resources_dir() / "licenses"


def build_info_file() -> Path | None:
    """``build_info.json``, which the bundle build writes beside the resources; None in a
    checkout, which is not a dated build."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "build_info.json" if bundle else None


def docs_dir() -> Path:
    """The documents for users (the 使用说明 and its pictures' Markdown)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "docs"
    return Path(__file__).resolve().parent.parent / "docs"
