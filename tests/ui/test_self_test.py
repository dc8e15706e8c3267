"""`shuren self-test`: one Chinese line per check, exit 0 only when all pass; a failed check is
named and the others still run; it works outside pytest-qt (its own QApplication, no display)
and leaves nothing behind."""

import importlib
import os
import pkgutil
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.ui import fonts as ui_fonts
from desktop.ui.self_test import CheckFailed, Run, all_checks, environment, main
from desktop.ui.self_test.window import record_form_kinds

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^(通过|失败)  (.+?)：(.+)$")


def record_forms() -> set[type]:
    """Found here on its own (not by the self-test's code): every record form there is."""
    import desktop.ui.dialogs as package
    from desktop.ui.dialogs.form import RecordDialog, RecordForm

    found = set()
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"{package.__name__}.{module.name}")
        found |= {
            v
            for v in vars(loaded).values()
            if isinstance(v, type)
            and issubclass(v, RecordForm)
            and v not in (RecordForm, RecordDialog)
        }
    return found


def run_self_test(capsys) -> tuple[int, dict[str, tuple[str, str]], str]:
    """Exit code, {check: (通过|失败, detail)} and the last line."""
    code = main([])
    lines = capsys.readouterr().out.splitlines()
    checks = {m[2]: (m[1], m[3]) for m in map(LINE.match, lines) if m}
    names = [name for name, _check in all_checks()]
    assert list(checks) == names  # one line per check, in order, nothing else before the end
    return code, checks, lines[len(names)]


def test_every_check_passes_on_a_sound_installation(qapp, capsys) -> None:
    code, checks, last = run_self_test(capsys)
    assert code == 0, {name: c for name, c in checks.items() if c[0] == "失败"}
    assert {verdict for verdict, _detail in checks.values()} == {"通过"}
    assert checks["字体"][1] == "WenQuanYi Micro Hei、LXGW WenKai已加载，能显示 𠮷 䶮"
    assert checks["翻译"][1] == "中文界面已加载（“Needs”显示为“需求清单”）"
    assert "15 个页面逐一显示：首页、需求清单" in checks["窗口和页面"][1]
    # Every kind of record form opened: a new one that cannot open without a sample fails.
    assert checks["对话框"][1] == f"{len(record_forms())} 种记录表单都能打开和关闭"
    assert set(record_form_kinds()) == record_forms()
    assert re.fullmatch(r"全部 14 项检查通过，用时 \d+\.\d 秒", last)


def test_a_missing_font_fails_its_check_and_the_others_still_run(
    qapp, capsys, monkeypatch, tmp_path
) -> None:
    empty, temp = tmp_path / "fonts", tmp_path / "tmp"
    empty.mkdir()
    temp.mkdir()
    monkeypatch.setattr(ui_fonts, "fonts_dir", lambda: empty)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # where the kept log goes
    code, checks, last = run_self_test(capsys)
    assert code == 1
    verdict, detail = checks["字体"]
    assert verdict == "失败" and detail.startswith("找不到字体文件") and "重新安装" in detail
    # What does not need the screen fonts still ran, and passed.
    for name in ("默认数据文件夹", "翻译", "数据库", "打印会议纪要（存档版）", "打印评价表"):
        assert checks[name][0] == "通过", (name, checks[name])
    # What does is said to depend on the failed check, not failed obscurely.
    assert checks["窗口和页面"] == ("失败", "字体未能准备好（见上面失败的检查），无法检查")
    assert re.fullmatch(r"14 项检查中有 \d+ 项失败，用时 \d+\.\d 秒", last)
    # The details are kept for whoever looks into it; the demo is gone all the same.
    (log,) = temp.iterdir()
    assert log.name.startswith("shuren-self-test-") and log.suffix == ".log"


def test_a_missing_translation_is_named(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(environment, "translations_dir", lambda: tmp_path)
    with pytest.raises(CheckFailed, match=r"^找不到翻译文件 .*shuren_zh_CN\.qm，界面会显示英文"):
        environment.translation(Run(tmp_path))


def test_it_runs_on_its_own_without_a_display_and_leaves_nothing_behind(tmp_path) -> None:
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env |= {"TMPDIR": str(temp), "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    assert run.stdout.splitlines()[-1].startswith("全部 14 项检查通过")
    assert "Traceback" not in run.stderr
    assert list(temp.iterdir()) == []  # the demo, the documents and the log are gone
    assert list(home.rglob("*")) == []  # the default data folder was looked at, not made
