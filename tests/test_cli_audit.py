"""`shuren audit [verify]`: the log listed as text and JSON, the chain checked; the commands
that hand out residents' data leave their entry."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.audit import AuditEvent
from desktop.services import audit
from desktop.store.audit_log import audit_path
from desktop.store.database import open_database
from tests.disks import read_only_view
from tests.documents.test_print_cli import stored  # noqa: F401 - a fixture used below
from tests.test_cli import CHINESE, one_chinese_line, shuren


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, data_dir: Path, *more: object) -> list[dict]:
    code, out, err = run(capsys, "audit", "--data-dir", data_dir, "--json", *more)
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["kind"] == "audit" and doc["count"] == len(doc["items"])
    return doc["items"]


def test_ledger_export_through_the_command_line_is_listed(data_dir: Path, tmp_path: Path) -> None:
    from tests.services.test_ledger import fill

    db = open_database(data_dir)
    fill(db)
    db.close()
    out = tmp_path / "needs.xlsx"
    result = shuren("ledger", "export", "--data-dir", data_dir, "--list", "needs", "--out", out)
    assert result.returncode == 0, result.stderr
    result = shuren("audit", "--data-dir", data_dir, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    (entry,) = json.loads(result.stdout)["items"]
    assert (entry["event"], entry["outcome"]) == ("ledger_export", "ok")
    assert entry["concerning"] == {"count": 3, "kind": "needs"}
    assert entry["prev_hash"] == "0" * 64 and entry["event_text"] == "导出台账"
    text = shuren("audit", "--data-dir", data_dir)
    assert text.returncode == 0
    line = text.stdout.strip()
    assert "导出台账" in line and "成功" in line and "数量 3" in line and "类别 需求" in line


def test_documents_with_full_names_are_logged_and_the_public_copy_is_not(
    capsys,
    data_dir: Path,
    stored: dict[str, int],  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    meeting = stored["final"]
    base = ["--data-dir", data_dir, "--meeting", meeting]
    for document, extra in (("minutes", []), ("minutes", ["--public"]), ("signin", [])):
        out = tmp_path / f"{document}{len(extra)}.pdf"
        code, _out, _err = run(capsys, "print", document, *base, "--out", out, *extra)
        assert code == 0
    items = listed(capsys, data_dir)
    assert [(i["event"], i["concerning"]) for i in items] == [
        ("print_archive", {"ids": [meeting], "kind": "minutes"}),
        ("print_archive", {"ids": [meeting], "kind": "signin"}),
    ]


def _entries(data_dir: Path, count: int) -> None:
    for n in range(count):
        audit.record(data_dir, AuditEvent.LEDGER_EXPORT, kind="needs", count=n)
    audit.record(data_dir, AuditEvent.START)


def test_filters_by_event_and_date(capsys, data_dir: Path) -> None:
    _entries(data_dir, 2)
    assert [i["event"] for i in listed(capsys, data_dir, "--event", "start")] == ["start"]
    assert len(listed(capsys, data_dir, "--since", "2000-01-01")) == 3
    assert listed(capsys, data_dir, "--until", "2000-01-01") == []
    assert listed(capsys, data_dir, "--since", "2999-01-01") == []
    code, _out, err = run(capsys, "audit", "--data-dir", data_dir, "--since", "昨天")
    assert code == 2 and CHINESE.search(one_chinese_line(err))


def test_verify_holds_then_names_the_changed_entry(capsys, data_dir: Path) -> None:
    _entries(data_dir, 3)
    code, out, err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert (code, err) == (0, "") and "链完整：4 条" in out
    with closing(sqlite3.connect(audit_path(data_dir), isolation_level=None)) as con:
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("UPDATE audit_entry SET os_user = 'someone' WHERE id = 2")
    code, out, err = run(capsys, "audit", "--data-dir", data_dir, "verify")
    assert (code, out) == (1, "")
    line = one_chinese_line(err)
    assert "第 1 条之后被改动" in line and "第 2 条" in line


def test_verify_works_on_a_read_only_folder(capsys, data_dir: Path, tmp_path: Path) -> None:
    _entries(data_dir, 1)
    with read_only_view(data_dir, tmp_path / "ro") as view:
        code, out, err = run(capsys, "audit", "verify", "--data-dir", view, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"ok": True, "count": 2, "broken": None, "reason": ""}


def test_an_empty_folder_has_an_empty_whole_log(capsys, data_dir: Path) -> None:
    assert listed(capsys, data_dir) == []
    code, out, _err = run(capsys, "audit", "verify", "--data-dir", data_dir)
    assert code == 0 and "0 条" in out
    assert not audit_path(data_dir).exists()  # reading makes no file


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--data-dir", "{missing}"],
        ["audit", "verify", "--data-dir"],
        ["audit", "--event", "nonsense", "--data-dir", "{data}"],
    ],
)
def test_bad_usage(capsys, args: list[str], data_dir: Path, tmp_path: Path) -> None:
    filled = [a.format(missing=tmp_path / "none", data=data_dir) for a in args]
    code, _out, err = run(capsys, *filled)
    assert code == 2
    one_chinese_line(err)
