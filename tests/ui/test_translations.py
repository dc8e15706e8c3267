"""The Chinese translation is complete and built."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.paths import translations_dir

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "shuren_zh_CN.ts"


def test_no_unfinished_or_empty_translation():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    bad = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (m.findtext("translation") or "").strip()
    ]
    assert bad == []


def test_every_source_string_is_in_the_translation(tmp_path):
    """lupdate over the sources finds nothing new: no English string escapes translation."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    out = subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy)], capture_output=True, text=True, check=True
    ).stdout
    assert "(0 new and" in out, out
    root = ET.parse(copy).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_qm_is_built_and_translates(qapp, font_families):
    assert (translations_dir() / "shuren_zh_CN.qm").exists()
    from desktop.ui.i18n import translate

    assert translate("MainWindow", "Trash") == "回收站"
    assert translate("Widgets", "{count} in total").format(count="1,234") == "共 1,234 条"


def test_no_translate_call_hides_inside_an_f_string():
    """lupdate cannot see ``f"{translate('Ctx', 'text')}"``: such a string stays English."""
    hidden = re.compile(r"""f["'][^\n]*\{[^}\n]*translate\(""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert found == []
