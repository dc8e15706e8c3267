"""Soak: Qt methods that return None, far past where a bad PySide6/CPython pairing dies.

PySide6 6.12.0 on CPython 3.11 aborts with "Fatal Python error: none_dealloc" after ~5,300
such calls (docs/architecture.md, "Pitfalls already met"): every returned None drops a
reference it never took.
The child makes 1.6 million of them (200,000 rounds of 8); a bad pairing dies early on.
"""

import os
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.slow

ITERATIONS = 200_000
CALLS_PER_ITERATION = 8

CHILD = textwrap.dedent(f"""
    import sys
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

    app = QApplication([])
    window = QWidget()
    label = QLabel(window)
    edit = QLineEdit(window)
    model = QStandardItemModel(4, 3)
    item = QStandardItem("王䶮")
    model.setItem(0, 0, item)
    texts = [str(n) for n in range(10)] + ["𠮷祥", "堃喆"]
    nones = 0
    for i in range({ITERATIONS}):
        text = texts[i % len(texts)]
        results = (
            window.setEnabled(i % 2 == 0),
            window.setToolTip(text),
            window.update(),
            label.setText(text),
            edit.setText(text),
            edit.setPlaceholderText(text),
            item.setText(text),
            model.setRowCount(4),
        )
        for result in results:
            if result is None:
                nones += 1
    print(nones, flush=True)
    window.deleteLater()
    sys.exit(0)
""")


def test_none_returning_qt_calls_do_not_crash() -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    elapsed = time.monotonic() - started
    print(f"\n{ITERATIONS:,} iterations in {elapsed:.1f} s")
    assert "Fatal Python error" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    # Every call really returned None, so the child exercised exactly the path that crashed.
    assert result.stdout.split() == [str(ITERATIONS * CALLS_PER_ITERATION)]
