"""`shuren-street add-branch`, `list` and `serve`'s argument checks; no Qt in the receiver."""

import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.sync import protocol
from desktop.sync.receiver.cli import main
from desktop.sync.receiver.storage import Storage

ROOT = Path(__file__).resolve().parents[3]
RARE = "欧阳䶮𠮷 <b>&"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.sync.receiver", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_add_branch_and_list_json_keep_rare_names_exactly(tmp_path):
    data = tmp_path / "street"
    added = _run("add-branch", "--data", str(data), "--name", RARE, "--json")
    assert added.returncode == 0, added.stderr
    branch = json.loads(added.stdout)
    assert branch["name"] == RARE
    assert protocol.BRANCH_ID.match(branch["branch_id"])
    assert protocol.token_branch(branch["token"]) == branch["branch_id"]
    assert Storage(data).check_token(branch["branch_id"], branch["token"])

    listed = _run("list", "--data", str(data), "--json")
    assert listed.returncode == 0, listed.stderr
    document = json.loads(listed.stdout)
    assert document["kind"] == "branches"
    assert document["count"] == 1
    item = document["items"][0]
    assert item == {
        "branch_id": branch["branch_id"],
        "name": RARE,
        "created_at": item["created_at"],
        "last_upload_at": None,
        "version": None,
        "bytes_last": 0,
        "bytes_total": 0,
    }
    assert branch["token"] not in listed.stdout


def test_add_branch_text_shows_the_token_once(tmp_path, capsys):
    data = tmp_path / "street"
    assert main(["add-branch", "--data", str(data), "--name", RARE]) == 0
    out = capsys.readouterr().out
    token = next(line.split("：", 1)[1] for line in out.splitlines() if line.startswith("令牌"))
    assert f"支部：{RARE}\n" in out
    branch_id = protocol.token_branch(token)
    assert branch_id is not None
    assert Storage(data).check_token(branch_id, token)

    assert main(["list", "--data", str(data)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].split("\t") == [branch_id, RARE, "从未上传", "—", "0", "0"]
    assert listing[-1] == "共 1 个支部"
    assert token not in "\n".join(listing)


def test_list_shows_the_last_upload_in_beijing_time(tmp_path, capsys):
    data = tmp_path / "street"
    branch = Storage(data).add_branch("翠竹苑党支部")
    with sqlite3.connect(data / "street.sqlite3") as conn:
        conn.execute(
            "UPDATE branch SET last_upload_at = ?, bytes_last = 33341, bytes_total = 397733,"
            " version = 2",
            ("2026-11-25T06:30:00+00:00",),
        )
    conn.close()
    assert main(["list", "--data", str(data)]) == 0
    row = capsys.readouterr().out.splitlines()[1].split("\t")
    when = "2026年11月25日 14:30"  # Beijing time
    assert row == [branch.branch_id, "翠竹苑党支部", when, "—", "33,341", "397,733"]


@pytest.mark.parametrize(
    "args",
    [
        ["add-branch", "--data", "{data}"],  # no --name
        ["add-branch", "--data", "{data}", "--name", "   "],
        ["add-branch", "--data", "{data}", "--name", "一\n二"],
        ["list", "--data", "{missing}"],
        ["serve", "--data", "{data}", "--port", "70000"],
        ["serve", "--data", "{data}", "--tls-cert", "{data}/cert.pem"],
        ["serve", "--data", "{data}", "--tls-cert", "{data}/c.pem", "--tls-key", "{data}/k.pem"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2_with_one_chinese_line(tmp_path, capsys, args):
    paths = {"data": tmp_path / "street", "missing": tmp_path / "nowhere"}
    assert main([a.format(**paths) for a in args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])


def test_serve_on_a_busy_port_exits_1(tmp_path, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--data", str(tmp_path / "street"), "--port", str(port)]) == 1
    assert "无法在" in capsys.readouterr().err


def test_the_receiver_imports_no_qt_and_nothing_of_the_app():
    probe = (
        "import sys, desktop.sync.receiver.cli, desktop.sync.receiver.app, "
        "desktop.sync.receiver.storage, desktop.sync.receiver.__init__; "
        "print(sorted(m for m in sys.modules if m.startswith("
        "('PySide6', 'shiboken6', 'desktop.ui', 'desktop.services', 'desktop.store'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
