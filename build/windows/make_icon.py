"""Make resources/icons/app.ico (the program's and the installer's icon) from app.svg.

Qt draws the SVG at each size Windows asks for (taskbar, Start menu, Explorer's views);
ImageMagick packs the images into one .ico. Run again after changing app.svg:

    QT_QPA_PLATFORM=offscreen python build/windows/make_icon.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 256)


def render(svg: Path, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    image.save(str(target))


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 - Qt draws only with an application object
    with tempfile.TemporaryDirectory() as tmp:
        pngs = [Path(tmp, f"app-{size}.png") for size in SIZES]
        for size, png in zip(SIZES, pngs, strict=True):
            render(ICONS / "app.svg", size, png)
        subprocess.run(["convert", *map(str, pngs), str(ICONS / "app.ico")], check=True)


if __name__ == "__main__":
    main()
