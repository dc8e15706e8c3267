"""What the bundles leave out, and how much each rule saves (read by build/shuren.spec).

PyInstaller collects a Qt module's libraries, plugins and translations whenever something
imports the module, and a few libraries it finds beside them. The app uses QtCore, QtGui,
QtWidgets, QtPrintSupport, QtNetwork (the network-reachability probe), QtPdf with
QtPdfWidgets (the print preview) and QtCharts (the statistics page); everything else of Qt is
left out here. Each rule drops the files it names and the spec prints what it saved, so the
closing figures come from the build itself.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

# Python modules never imported by the app: excluding them keeps their hooks from running.
UNUSED_QT = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQml",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtHttpServer",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtSvgWidgets",
    "PySide6.QtDBus",  # Qt itself talks D-Bus in C++; the app never does from Python
)
# Used by tests or tools only, never by the running app; or an optional path it never takes:
# Pillow's codecs and font engine (ReportLab imports Pillow itself, but no document holds a
# picture) and zstandard's CFFI backend (the C backend is the one loaded; 11.6 MiB).
UNUSED_PYTHON = (
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "zstandard.backend_cffi",
    # Mako colours its error pages with Pygments when it is there (1.7 MiB); plain text does.
    "pygments",
    "mako.ext.pygmentplugin",
    "doctest",
    # Japanese, Korean and traditional-Chinese legacy encodings: files are UTF-8 or GBK here.
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_codecs_hk",
    "_codecs_iso2022",
    "zstandard._cffi",
    "tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    "numpy",
    "matplotlib",
)
# The street office's receiver runs without Qt; the window's app without the web server.
QT_ALL = ("PySide6", "shiboken6")
SERVER = ("fastapi", "starlette", "uvicorn", "pydantic", "pydantic_core", "anyio")


@dataclass(frozen=True)
class Rule:
    """Files the bundle leaves out: destination paths matching any of ``patterns``."""

    name: str
    patterns: tuple[str, ...]
    keep: tuple[str, ...] = ()  # exceptions to the patterns

    def drops(self, dest: str) -> bool:
        path = PurePosixPath(dest.replace("\\", "/")).as_posix()
        if any(fnmatch(path, k) for k in self.keep):
            return False
        return any(fnmatch(path, p) for p in self.patterns)


FILE_RULES = (
    Rule(
        "Qt translations other than Chinese",
        ("PySide6/Qt/translations/*",),
        keep=("PySide6/Qt/translations/qtbase_zh_CN.qm",),
    ),
    Rule("Qt Quick, QML and WebEngine leftovers", ("*Qt6Quick*", "*Qt6Qml*", "*Qt6WebEngine*")),
    Rule("Qt's software OpenGL and ANGLE (the window draws with raster)", ("*opengl32sw*",)),
    Rule(
        "Qt plugins the app does not load",
        (
            "PySide6/Qt/plugins/sqldrivers/*",
            "PySide6/Qt/plugins/multimedia/*",
            "PySide6/Qt/plugins/qmltooling/*",
            "PySide6/Qt/plugins/position/*",
            "PySide6/Qt/plugins/sensors/*",
            "PySide6/Qt/plugins/webview/*",
            "PySide6/Qt/plugins/designer/*",
            "PySide6/Qt/plugins/imageformats/*",
            # reachability comes from NetworkManager (or GLib's monitor); ConnMan stays out
            "PySide6/Qt/plugins/networkinformation/*connman*",
            "PySide6/Qt/plugins/tls/*certonly*",
            # GTK's look would pull in GTK itself; Qt's own Fusion style is used.
            "PySide6/Qt/plugins/platformthemes/*gtk*",
        ),
        # the icons are SVG; PNG and JPEG are read by Qt itself
        keep=("PySide6/Qt/plugins/imageformats/*qsvg*",),
    ),
)


GTK_FAMILY = (
    "libatk-1.0.so*",
    "libcairo*.so*",
    "libpango*.so*",
    "libgdk_pixbuf*.so*",
    "libharfbuzz.so*",
    "libthai.so*",
    "libdatrie.so*",
    "libfribidi.so*",
    "libgraphite2.so*",
    "libpixman-1.so*",
    "libjpeg.so*",
)
# Printing goes through the system's CUPS, so its library comes from the system too (the
# package depends on libcups2): a copy from the build machine would bring GnuTLS and its
# helpers along and might not match the local print service.
CUPS_FAMILY = (
    "libcups.so*",
    "libgnutls.so*",
    "libavahi-c*.so*",
    "libp11-kit.so*",
    "libnettle.so*",
    "libhogweed.so*",
    "libgmp.so*",
    "libunistring.so*",
    "libidn2.so*",
    "libtasn1.so*",
)
FILE_RULES += (
    # What GTK's look (dropped above) brought with it; nothing else of the bundle needs them.
    Rule("GTK's libraries", GTK_FAMILY),
    Rule("CUPS and GnuTLS (the system's are used)", CUPS_FAMILY),
    Rule(
        "Qt for screens without a desktop (EGLFS, KMS) and the on-screen keyboard",
        (
            "PySide6/Qt/plugins/platforms/*eglfs*",
            "PySide6/Qt/plugins/platforms/*vkkhrdisplay*",
            "PySide6/Qt/plugins/platforms/*linuxfb*",
            "PySide6/Qt/plugins/platforms/*vnc*",
            "PySide6/Qt/plugins/egldeviceintegrations/*",
            "PySide6/Qt/plugins/platforminputcontexts/*virtualkeyboard*",
            "*Qt6EglFS*",
            "*Qt6EglFs*",
            "*Qt6VirtualKeyboard*",
            "PySide6/Qt/plugins/platforms/*minimal*",
            "PySide6/Qt/plugins/generic/*",  # raw touch and tablet input, for EGLFS
        ),
    ),
    # A Wayland desktop runs the window through XWayland with the X11 plugin, as on UOS and
    # Kylin's X11 sessions; Qt's own Wayland client and its plugins stay out (2 MiB).
    Rule(
        "Qt's Wayland client (XWayland is used)",
        (
            "PySide6/Qt/plugins/wayland-*/*",
            "PySide6/Qt/plugins/platforms/*wayland*",
            "*Qt6Wl*",
            "*Qt6Wayland*",
        ),
    ),
)


def apply_rules(
    toc: Iterable[tuple[str, str, str]], rules: tuple[Rule, ...] = FILE_RULES
) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """``toc`` without the files the rules drop, and the bytes each rule saved."""
    kept, saved = [], {rule.name: 0 for rule in rules}
    for entry in toc:
        rule = next((r for r in rules if r.drops(entry[0])), None)
        if rule is None:
            kept.append(entry)
        else:
            saved[rule.name] += file_size(entry[1])
    return kept, saved


def file_size(source: str) -> int:
    """A file's size in bytes, 0 for one that is not there (a module inside the archive)."""
    try:
        return Path(source).stat().st_size
    except (OSError, TypeError):
        return 0


def report(saved: dict[str, int], title: str) -> str:
    lines = [f"{title}: files left out by build/bundle_rules.py"]
    lines += [f"  {mib(size):>8}  {name}" for name, size in saved.items()]
    return "\n".join(lines)


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"
