"""What the secretary saves to hand on gets her usual file mode; the data folder stays hers."""

import os
from pathlib import Path

import pytest

import desktop.shared_files as shared
from desktop.documents import write_minutes, write_signing_sheet
from desktop.documents.layout import write_bytes
from desktop.domain.indicators import Period
from desktop.indicators import Indicators, export_indicators
from desktop.shared_files import share, write_shared
from desktop.store.datadir import private_new_files
from tests.documents.conftest import HOOD, sample_meeting
from tests.documents.test_compact import BRANCH, small_compact

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture(autouse=True)
def _umask_noted_at_start():
    """A test's start-up notes a umask: later tests find the one noted before."""
    noted = shared._user_umask
    yield
    shared._user_umask = noted


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640)])
def test_documents_get_the_mode_of_the_umask_she_started_with(tmp_path, umask, expected):
    os.umask(umask)  # as her session starts the app
    private_new_files()  # start-up: the data folder's files are hers alone
    kept = tmp_path / "settings.ini"
    kept.write_text("x")
    assert mode(kept) == 0o600
    minutes, signing = tmp_path / "纪要.pdf", tmp_path / "签署表.pdf"
    write_minutes(sample_meeting(), HOOD, minutes)
    write_signing_sheet(small_compact(), BRANCH, [("1栋", "1", "101")], signing)
    figures = export_indicators(tmp_path / "统计.xlsx", Indicators(Period.year(2026), None))
    assert {p.name: mode(p) for p in (minutes, signing, Path(figures))} == {
        "纪要.pdf": expected,
        "签署表.pdf": expected,
        "统计.xlsx": expected,
    }
    assert mode(kept) == 0o600  # and new files of the data folder stay private
    (tmp_path / "later.log").write_text("x")
    assert mode(tmp_path / "later.log") == 0o600


def test_a_document_replaces_a_private_one_with_the_usual_mode(tmp_path):
    os.umask(0o022)
    private_new_files()
    old = tmp_path / "m.pdf"
    old.write_bytes(b"old")
    assert mode(old) == 0o600  # saved by an earlier version
    write_bytes(b"%PDF-new", old)
    assert (old.read_bytes(), mode(old)) == (b"%PDF-new", 0o644)
    assert [p.name for p in tmp_path.iterdir()] == ["m.pdf"]  # no temporary file left


def test_a_file_system_without_modes_still_gets_the_file(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError("vfat keeps no modes")

    monkeypatch.setattr(os, "chmod", refuse)
    write_shared(b"data", tmp_path / "u盘.pdf")
    share(tmp_path / "u盘.pdf")
    assert (tmp_path / "u盘.pdf").read_bytes() == b"data"


def test_without_start_up_the_current_umask_is_hers(tmp_path):
    """Writers used on their own (no start-up narrowed the umask) read the one in force."""
    os.umask(0o002)
    shared._user_umask = None
    write_shared(b"x", tmp_path / "a.pdf")
    assert mode(tmp_path / "a.pdf") == 0o664
    assert os.umask(0o022) == 0o002  # and reading it left it as it was
