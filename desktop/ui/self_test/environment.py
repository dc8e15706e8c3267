"""The checks of what the app stands on: the default data folder, the fonts, the translation
and the database (a demo neighborhood made in the self-test's temporary folder)."""

import os
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import QApplication

from desktop.paths import translations_dir
from desktop.ui.self_test import Check, CheckFailed, Run

# Rare characters of residents' names that only the second bundled font has: a font that
# lacks them prints a blank where her name should be.
RARE_NAME_CHARACTERS = "𠮷䶮"
# A string every window shows, and its Chinese: the translation is loaded and is ours.
KNOWN_STRING = ("MainWindow", "Needs", "需求清单")
DEMO_SCALE = 200  # the smallest demo with every kind of record (evaluations need ~200 people)


def default_folder(_run: Run) -> str:
    """Where her data will live can be worked out, and written to; nothing is created there."""
    from desktop.store.datadir import default_data_dir

    try:
        folder = default_data_dir()
    except Exception as exc:  # platformdirs missing from the bundle, no home folder
        raise CheckFailed(f"无法确定默认数据文件夹的位置（{type(exc).__name__}）") from exc
    if not folder.is_absolute():
        raise CheckFailed(f"默认数据文件夹 {folder} 不是完整路径")
    existing = _nearest_existing(folder)
    if not os.access(existing, os.W_OK):
        raise CheckFailed(f"{folder}：文件夹 {existing} 不能写入，请让管理员开放写入权限")
    state = "已存在" if existing == folder else "尚未建立，首次打开软件时建立"
    return f"{folder}（{state}，可以写入）"


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def fonts(run: Run) -> str:
    """The bundled fonts load on screen and for printing, and show the rare name characters."""
    from desktop.documents.fonts import FontMissingError as PrintFontMissing
    from desktop.documents.fonts import font_chain
    from desktop.ui.fonts import FontMissingError, apply_fonts

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        run.families = apply_fonts(app)
    except FontMissingError as exc:
        raise CheckFailed(f"找不到字体文件 {exc}，请重新安装熟人小区") from exc
    on_screen = [
        ch
        for ch in RARE_NAME_CHARACTERS
        if not any(QRawFont.fromFont(QFont(f)).supportsCharacter(ord(ch)) for f in run.families)
    ]
    if on_screen:
        raise CheckFailed(f"屏幕字体不能显示 {' '.join(on_screen)}")
    try:
        chain = font_chain(system_fallback=False)
    except PrintFontMissing as exc:
        raise CheckFailed(f"打印用的字体文件不能读取（{exc}），请重新安装熟人小区") from exc
    on_paper = [ch for ch in RARE_NAME_CHARACTERS if chain.face_for(ch) is None]
    if on_paper:
        raise CheckFailed(f"打印字体不能印出 {' '.join(on_paper)}")
    return f"{'、'.join(run.families)}已加载，能显示 {' '.join(RARE_NAME_CHARACTERS)}"


def translation(_run: Run) -> str:
    """The Chinese of the interface loads, and is installed for the window's checks."""
    from desktop.ui.i18n import DEFAULT_LANGUAGE, install_language

    path = translations_dir() / f"shuren_{DEFAULT_LANGUAGE}.qm"
    if not path.is_file():
        raise CheckFailed(f"找不到翻译文件 {path}，界面会显示英文，请重新安装熟人小区")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise CheckFailed(f"翻译文件 {path} 不能读取，请重新安装熟人小区")
    context, source, chinese = KNOWN_STRING
    found = translator.translate(context, source)
    if found != chinese:
        raise CheckFailed(f"翻译文件 {path} 内容不对：“{source}”译作“{found}”")
    app = QApplication.instance()
    assert app is not None
    install_language(app, DEFAULT_LANGUAGE)
    return f"中文界面已加载（“{source}”显示为“{chinese}”）"


def database(run: Run) -> str:
    """A demo neighborhood made in the temporary folder, opened at the newest revision, and
    found sound by the same check the window runs at start."""
    from desktop.services.backups import check_data_file
    from desktop.services.demo import create_demo
    from desktop.store.database import open_database
    from desktop.store.datadir import db_path, ensure_writable
    from desktop.store.schema import HEAD, SchemaState, schema_state

    ensure_writable(run.data_dir)
    create_demo(run.data_dir, scale=DEMO_SCALE)
    run.db = open_database(run.data_dir)
    state, revision = schema_state(db_path(run.data_dir))
    if state is not SchemaState.CURRENT:
        raise CheckFailed(f"数据文件版本 {revision}，本软件的版本是 {HEAD}")
    health = check_data_file(run.data_dir)
    if not health.ok:
        raise CheckFailed(f"演示数据文件检查未通过（{'；'.join(health.problems[:3])}）")
    return f"演示数据已在临时文件夹建立，版本 {revision}，完整性检查通过"


CHECKS: list[Check] = [
    ("默认数据文件夹", default_folder),
    ("字体", fonts),
    ("翻译", translation),
    ("数据库", database),
]
