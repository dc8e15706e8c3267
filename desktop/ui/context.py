"""What every page needs: the database, the change signal, the data dir and the settings."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.store.database import Database
from desktop.ui.events import AppEvents


@dataclass
class AppContext:
    db: Database
    events: AppEvents
    data_dir: Path
    settings: QSettings
    font_families: list[str]
    lang: str
    demo: bool = False  # the demo neighborhood (shuren --demo), not her own data


def open_settings(data_dir: Path) -> QSettings:
    """Settings live in the data dir (not the registry), so a copied data dir keeps them."""
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
