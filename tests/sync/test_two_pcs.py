"""One branch, two copies of its data folder (the office PC and the laptop), a dead disk.

Against a real receiver. PC A syncs, its folder is copied to PC B, both record a need: B's sync
must never replace A's copy at the street office; the secretary chooses on B (or on the
command line) to take the street office's copy, to keep B's, or to merge them.
"""

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.needs import Need
from desktop.services import needs
from desktop.store.database import open_database
from desktop.sync import resolve
from desktop.sync.client import Diverged, sync_once
from desktop.sync.receiver.storage import Storage
from desktop.sync.status import load_status

from .apps import assert_in_step, configure, sha256_of
from .conftest import StreetServer
from .receiver.wire import call

ROOT = Path(__file__).resolve().parents[2]
KiB = 1024


def add_need(folder: Path, title: str) -> None:
    db = open_database(folder)
    try:
        category = needs.list_categories(db)[0].id
        needs.save_need(
            db,
            Need(title=title, category_id=category, raised_by="住户", registered_on=date.today()),
        )
    finally:
        db.close()


def titles(folder_or_file: Path) -> set[str]:
    import sqlite3
    from contextlib import closing

    path = folder_or_file / "shuren.sqlite3" if folder_or_file.is_dir() else folder_or_file
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return {r[0] for r in conn.execute("SELECT title FROM need WHERE deleted_at IS NULL")}


def shuren(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def two_pcs(
    tmp_path: Path, app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> tuple[Path, Path, str]:
    """PC A synced once; PC B a copy of A's folder taken then; A then records a need and syncs."""
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    sync_once(app_dir)
    pc_b = tmp_path / "pc-b"
    shutil.copytree(app_dir, pc_b)
    add_need(app_dir, "甲电脑：3栋电梯异响")
    assert sync_once(app_dir).version == 2
    add_need(pc_b, "乙电脑：5栋楼道灯不亮")
    return app_dir, pc_b, branch


def kept_file(said: str, before: str) -> Path:
    """The file a command says it kept the data in (``before`` <path>。)."""
    line = next(line for line in said.splitlines() if line.startswith(before))
    path = Path(line.removeprefix(before).removesuffix("。"))
    assert path.is_file()
    return path


def street_titles(street: StreetServer, branch: str) -> set[str]:
    current = Storage(street.data_dir, create=False).current_path(branch)
    assert current is not None
    return titles(current)


def test_the_second_pc_never_replaces_the_street_copy(two_pcs, shared_street) -> None:
    pc_a, pc_b, branch = two_pcs
    with pytest.raises(Diverged) as caught:
        sync_once(pc_b)
    assert not caught.value.retry and "另一台电脑" in caught.value.message
    assert caught.value.server_version == 2
    storage = Storage(shared_street.data_dir, create=False)
    assert storage.current_version(branch) == 2
    assert "甲电脑：3栋电梯异响" in street_titles(shared_street, branch)
    assert "乙电脑：5栋楼道灯不亮" not in street_titles(shared_street, branch)
    (side,) = storage.side_copies(branch)  # B's copy is kept, aside
    assert (side.parent, side.current) == (1, 2)
    assert load_status(pc_b).last_error == caught.value.message

    # A second try uploads nothing more and says the same.
    with pytest.raises(Diverged):
        sync_once(pc_b)
    assert len(storage.side_copies(branch)) == 1
    # And A, which built on the current version, goes on as before.
    add_need(pc_a, "甲电脑：第二条")
    assert sync_once(pc_a).version == 3


def test_the_command_line_says_so_and_shows_the_difference(two_pcs) -> None:
    _pc_a, pc_b, _branch = two_pcs
    run = shuren("sync", "--data-dir", str(pc_b), "--once")
    assert run.returncode == 1
    assert "本支部的数据已由另一台电脑更新" in run.stderr
    assert "【需求】只在本机：“乙电脑：5栋楼道灯不亮”" in run.stderr
    assert "只在街道办（另一台电脑）：“甲电脑：3栋电梯异响”" in run.stderr
    assert "--resolve merge" in run.stderr
    assert "Traceback" not in run.stderr


def test_merge_joins_both_and_uploads(two_pcs, shared_street) -> None:
    pc_a, pc_b, branch = two_pcs
    with pytest.raises(Diverged):
        sync_once(pc_b)
    run = shuren("sync", "--data-dir", str(pc_b), "--resolve", "merge")
    assert run.returncode == 0, run.stderr
    assert "从另一台电脑加入：需求 1 条" in run.stdout
    both = {"甲电脑：3栋电梯异响", "乙电脑：5栋楼道灯不亮"}
    assert both <= titles(pc_b)
    assert both <= street_titles(shared_street, branch)
    assert_in_step(pc_b, shared_street.data_dir, branch)
    kept = kept_file(run.stdout, "合并前的数据已备份为 ")  # the data as it was
    assert "乙电脑：5栋楼道灯不亮" in titles(kept) and "甲电脑：3栋电梯异响" not in titles(kept)
    # A has changed nothing since: it is told to take the street office's copy, and does.
    with pytest.raises(Diverged) as caught:
        sync_once(pc_a)
    assert caught.value.behind
    resolve.restore_from_street(pc_a)
    assert both <= titles(pc_a)
    assert sync_once(pc_a).up_to_date


def test_taking_the_street_copy_backs_up_first_and_syncs_on_as_a_delta(
    two_pcs, shared_street
) -> None:
    _pc_a, pc_b, branch = two_pcs
    with pytest.raises(Diverged):
        sync_once(pc_b)
    run = shuren("sync", "--data-dir", str(pc_b), "--resolve", "server")
    assert run.returncode == 0, run.stderr
    assert "已改用街道办的第 2 版数据" in run.stdout
    assert "乙电脑：5栋楼道灯不亮" not in titles(pc_b)
    backup = kept_file(run.stdout, "本机原来的数据已备份为 ")
    assert backup.parent == pc_b / "backups"
    assert "乙电脑：5栋楼道灯不亮" in titles(backup)
    add_need(pc_b, "乙电脑：之后的一条")
    result = sync_once(pc_b)
    assert result.version == 3 and result.sent_bytes < 48 * KiB  # a delta, not the whole file
    assert_in_step(pc_b, shared_street.data_dir, branch)


def test_keeping_this_pc_keeps_the_other_as_an_older_version(two_pcs, shared_street) -> None:
    _pc_a, pc_b, branch = two_pcs
    with pytest.raises(Diverged):
        sync_once(pc_b)
    run = shuren("sync", "--data-dir", str(pc_b), "--resolve", "local")
    assert run.returncode == 0, run.stderr
    assert "乙电脑：5栋楼道灯不亮" in street_titles(shared_street, branch)
    storage = Storage(shared_street.data_dir, create=False)
    assert storage.current_version(branch) == 3
    assert storage.version_info(branch, 3).parent == 2
    assert storage.version_info(branch, 2).sha256  # A's upload is still there
    assert_in_step(pc_b, shared_street.data_dir, branch)


def test_restore_into_an_empty_folder_then_sync_a_delta(
    tmp_path: Path, app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    sync_once(app_dir)
    token_file = tmp_path / "token.txt"
    token_file.write_text(token, encoding="utf-8")
    new_pc = tmp_path / "新电脑"
    run = shuren(
        "restore",
        "--data-dir",
        str(new_pc),
        "--server",
        shared_street.url,
        "--token-file",
        str(token_file),
    )
    assert run.returncode == 0, run.stderr
    assert "已从街道办恢复第 1 版数据" in run.stdout
    assert titles(new_pc) == titles(app_dir)
    assert shuren("check", "--data-dir", str(new_pc)).returncode == 0
    assert load_status(new_pc).acknowledged.version == 1
    add_need(new_pc, "新电脑：第一条")
    result = sync_once(new_pc)
    assert result.version == 2 and result.sent_bytes < 48 * KiB
    assert_in_step(new_pc, shared_street.data_dir, branch)


def test_restore_over_existing_data_keeps_a_backup(two_pcs, shared_street) -> None:
    pc_a, _pc_b, _branch = two_pcs
    before = sha256_of(pc_a / "shuren.sqlite3")
    add_need(pc_a, "甲电脑：未同步的一条")
    restored = resolve.restore_from_street(pc_a)
    assert restored.version == 2 and restored.backup is not None
    assert "甲电脑：未同步的一条" in titles(restored.backup)
    assert "甲电脑：未同步的一条" not in titles(pc_a)
    assert sha256_of(pc_a / "shuren.sqlite3") != before


def test_restore_with_a_wrong_token_changes_nothing(
    tmp_path: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    add_street_branch(shared_street)
    token_file = tmp_path / "token.txt"
    token_file.write_text("0123456789ab." + "x" * 43, encoding="utf-8")
    folder = tmp_path / "new"
    run = shuren(
        "restore",
        "--data-dir",
        str(folder),
        "--server",
        shared_street.url,
        "--token-file",
        str(token_file),
    )
    assert run.returncode == 1
    assert "令牌" in run.stderr and "Traceback" not in run.stderr
    assert not (folder / "shuren.sqlite3").exists()


def test_a_branch_downloads_only_its_own_versions(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    sync_once(app_dir)
    other, other_token = add_street_branch(shared_street)
    own = call(shared_street.url, "GET", f"/v1/branches/{branch}/versions/current", token=token)
    assert own.status == 200 and own.raw
    for target in (other, "000000000000"):
        reply = call(
            shared_street.url, "GET", f"/v1/branches/{target}/versions/current", token=token
        )
        assert reply.status == 403 and reply.body["code"] == "forbidden"
    gone = call(shared_street.url, "GET", f"/v1/branches/{branch}/versions/9", token=token)
    assert gone.status == 404
    bad = call(shared_street.url, "GET", f"/v1/branches/{branch}/versions/%C2%B2", token=token)
    assert bad.status == 400
    assert other_token  # the other branch's token is never used here


def test_three_syncs_at_once_do_not_collide(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop", "sync", "--data-dir", str(app_dir), "--once"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    said = "".join(out for out, _err in outputs)
    assert "已同步：街道办保存为第 1 版" in said
    assert all("Traceback" not in err for _out, err in outputs)
    assert_in_step(app_dir, shared_street.data_dir, branch)


def test_a_damaged_data_file_is_never_uploaded(
    app_dir: Path, shared_street: StreetServer, add_street_branch: Callable
) -> None:
    branch, token = add_street_branch(shared_street)
    configure(app_dir, shared_street.url, token)
    sync_once(app_dir)
    add_need(app_dir, "损坏前的一条")
    with (app_dir / "shuren.sqlite3").open("r+b") as f:  # dd … seek=32 count=1 conv=notrunc
        f.seek(32 * 4096)
        f.write(b"\0" * 4096)
    run = shuren("sync", "--data-dir", str(app_dir), "--once")
    assert run.returncode == 1
    assert "数据文件已损坏" in run.stderr and "Traceback" not in run.stderr
    assert Storage(shared_street.data_dir, create=False).current_version(branch) == 1
    assert (app_dir / "damaged.json").exists()  # the window warns, automatic syncs stop
