"""关于熟人小区: versions of the app and of what it is built on."""

import platform
import sqlite3

import PySide6
import sqlalchemy
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.ui.i18n import translate


def versions() -> list[tuple[str, str]]:
    return [
        (translate("AboutDialog", "Shuren Xiaoqu"), __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        ("SQLite", sqlite3.sqlite_version),
    ]


def about_text() -> str:
    title = translate("AboutDialog", "Shuren Xiaoqu")
    purpose = translate(
        "AboutDialog",
        "A workbench for the party branch of a residential neighborhood: the lists "
        "of needs, resources and projects, meetings, visits and compacts.",
    )
    fonts = translate(
        "AboutDialog", "Fonts: WenQuanYi Micro Hei (Apache 2.0) and LXGW WenKai (SIL OFL 1.1)."
    )
    rows = "".join(f"<tr><td>{name}</td><td>{version}</td></tr>" for name, version in versions())
    return (
        f"<h3>{title} {__version__}</h3><p>{purpose}</p><p>{fonts}</p>"
        f"<table cellspacing='6'>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(translate("AboutDialog", "About Shuren Xiaoqu"))
    box.setText(about_text())
    box.exec()
