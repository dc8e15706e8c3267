"""Interface language: Simplified Chinese by default, English (the source strings) on request."""

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Install the app's and Qt's own translations; False when the app's .qm is missing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    ok = ours.load(str(translations_dir() / f"shuren_{lang}.qm"))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.error("translation file shuren_%s.qm missing: run the set-up to build it", lang)
    # Qt's own strings: the buttons of standard dialogs (确定, 取消), the calendar.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return ok


# Call as translate("Context", "English text") with literals, so pyside6-lupdate finds them.
translate = QCoreApplication.translate
