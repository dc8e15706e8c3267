"""build_info.json: written by the bundle build (date in 北京时间, the source's commit when git
knows it, never failing without git), read back by 关于; a checkout has none."""

import json
import sys
from datetime import UTC, datetime, timedelta

from desktop import build_info, paths
from desktop.build_info import main, read_build_info, write_build_info


def test_written_in_beijing_time_and_read_back(tmp_path):
    out = tmp_path / "bundle" / "build_info.json"
    written = write_build_info(out, built_at=datetime(2026, 5, 1, 20, 0, tzinfo=UTC), commit="abc")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == {"built_at": "2026-05-02T04:00:00+08:00", "commit": "abc"}
    read = read_build_info(out)
    assert read == written
    assert read is not None and read.built_at.utcoffset() == timedelta(hours=8)


def test_the_command_works_without_git(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no git to be found
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    out = tmp_path / "build_info.json"
    assert main([str(out)]) == 0
    info = read_build_info(out)
    assert info is not None and info.commit is None
    assert info.built_at == datetime(2026, 1, 1, 8, 0, tzinfo=build_info.BEIJING)
    assert "构建时间 2026-01-01 08:00（北京时间），源码 未知" in capsys.readouterr().out
    assert main([]) == 2


def test_a_checkout_has_none_and_a_bundle_reads_its_own(tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.build_info_file() is None
    assert read_build_info() is None
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.build_info_file() == tmp_path / "build_info.json"
    assert read_build_info() is None  # a bundle built without it: undated, no failure
    write_build_info(tmp_path / "build_info.json", commit="v1")
    info = read_build_info()
    assert info is not None and info.commit == "v1"


def test_a_damaged_file_reads_as_undated(tmp_path):
    out = tmp_path / "build_info.json"
    for text in ("{", "[]", '{"built_at": "yesterday"}', '{"built_at": "2026-01-01T00:00"}'):
        out.write_text(text, encoding="utf-8")
        assert read_build_info(out) is None, text
