"""Encryption at rest, from the command line as an office's script would use it: no resident's
name or phone in any file of the data folder, and a wrong password changes nothing."""

import hashlib
import shutil
from contextlib import closing
from pathlib import Path

import pytest
import sqlcipher3

from desktop.store import cipher, sqlite
from desktop.store.backup import backup_database
from desktop.store.datadir import backups_dir, db_path
from desktop.store.encrypt import put_under_key
from desktop.store.password import encrypt_data_file, expects_password, unlock
from desktop.store.search_index import index_path
from desktop.sync import client
from desktop.sync.protocol import digest_file
from desktop.sync.snapshot import plain_blocks, plain_digest, take_snapshot
from tests.test_cli import shuren

PASSWORD = "Test-pass-2026"


@pytest.fixture(scope="module")
def password_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory, password_file: Path) -> tuple[Path, Path]:
    """The same demo twice: encrypted, and plain (to show the search could find the data)."""
    root = tmp_path_factory.mktemp("demos")
    for name, extra in (("secret", ["--password-file", password_file]), ("plain", [])):
        made = shuren("demo", "--data-dir", root / name, "--scale", 60, *extra)
        assert made.returncode == 0, made.stderr
    return root / "secret", root / "plain"


@pytest.fixture
def secret(demos: tuple[Path, Path], tmp_path: Path) -> Path:
    folder = tmp_path / "secret"
    shutil.copytree(demos[0], folder)
    return folder


def residents(folder: Path) -> list[bytes]:
    """Names and phone numbers of a few residents, as the bytes a search of a file would hit."""
    with closing(sqlite.connect(db_path(folder))) as con:
        rows = con.execute(
            "SELECT name, phone FROM person WHERE length(phone) = 11 ORDER BY id LIMIT 5"
        ).fetchall()
    assert rows
    return [value.encode() for row in rows for value in row]


def found_in(folder: Path, needles: list[bytes]) -> dict[str, list[bytes]]:
    hits: dict[str, list[bytes]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if found := [n for n in needles if n in data]:
            hits[str(path.relative_to(folder))] = found
    return hits


def test_no_resident_name_or_phone_in_any_file_of_the_folder(
    secret: Path, demos: tuple[Path, Path]
) -> None:
    unlock(secret, PASSWORD)
    needles = residents(secret)
    backup_database(db_path(secret), backups_dir(secret), label="test")
    (secret / "sync").mkdir()
    snapshot = take_snapshot(db_path(secret), secret / "sync" / "snapshot.sqlite3")
    client._prepare(snapshot.parent, snapshot, plain_digest(snapshot), None, None, None)
    written = {str(p.relative_to(secret)) for p in secret.rglob("*") if p.is_file()}
    assert {"shuren.sqlite3", "search.sqlite3", "sync/pending/payload.zst"} <= written
    assert any(name.startswith("backups/shuren-") for name in written)
    assert found_in(secret, needles) == {}
    # The same search does find them in the plain demo, the data file and its index.
    plain_hits = found_in(demos[1], needles)
    assert {"shuren.sqlite3", "search.sqlite3"} <= set(plain_hits)


def test_a_wrong_or_missing_password_exits_2_and_changes_nothing(
    secret: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Not-the-password-1\n", encoding="utf-8")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in secret.rglob("*")}
    for command in (
        ("list", "people", "--data-dir", secret, "--password-file", wrong),
        ("check", "--data-dir", secret, "--password-file", wrong),
        (
            "ledger",
            "export",
            "--list",
            "needs",
            "--data-dir",
            secret,
            "--password-file",
            wrong,
            "--out",
            tmp_path / "x.xlsx",
        ),
        ("list", "people", "--data-dir", secret),
    ):
        result = shuren(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert "密码" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in secret.rglob("*")}
    assert after == before
    assert not (tmp_path / "x.xlsx").exists()


def test_the_right_password_file_lists_the_records(secret: Path, password_file: Path) -> None:
    result = shuren("list", "people", "--data-dir", secret, "--password-file", password_file)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 60


def test_the_password_alone_opens_the_file_with_sqlcipher(secret: Path) -> None:
    """The key is SQLCipher's own derivation: its tools open the file with the password."""
    con = sqlcipher3.connect(str(db_path(secret)))
    con.execute(f"PRAGMA key = '{PASSWORD}'")
    assert con.execute("SELECT count(*) FROM person").fetchone()[0] >= 60
    con.close()
    wrong = sqlcipher3.connect(str(db_path(secret)))
    wrong.execute("PRAGMA key = 'another'")
    with pytest.raises(sqlcipher3.DatabaseError):
        wrong.execute("SELECT count(*) FROM person").fetchone()
    wrong.close()


def test_a_plain_folder_is_encrypted_in_place(demos: tuple[Path, Path], tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(demos[1], folder)
    needles = residents(folder)
    with closing(sqlite.connect(db_path(folder))) as con:
        before = con.execute("SELECT count(*), group_concat(name) FROM person").fetchone()
    assert not expects_password(folder)
    encrypt_data_file(folder, PASSWORD)
    assert cipher.is_encrypted(db_path(folder)) and expects_password(folder)
    assert not index_path(folder).exists()  # a plain copy of the lists: rebuilt under the key
    with closing(sqlite.connect(db_path(folder))) as con:
        assert con.execute("SELECT count(*), group_concat(name) FROM person").fetchone() == before
    assert found_in(folder, needles) == {}
    cipher.forget_keys()
    with pytest.raises(cipher.WrongPassword):
        unlock(folder, "Not-the-password-1")
    assert unlock(folder, PASSWORD) is not None


def test_a_decrypted_snapshot_encrypted_again_keeps_its_pages(secret: Path, tmp_path: Path):
    """The street office's plain copy, put back under the key page for page: the next
    upload is still a delta."""
    unlock(secret, PASSWORD)
    snapshot = take_snapshot(db_path(secret), tmp_path / "snap.sqlite3")
    key = cipher.key_of(snapshot)
    plain = tmp_path / "plain.sqlite3"
    blocks = range(snapshot.stat().st_size // cipher.PAGE_SIZE)
    plain.write_bytes(b"".join(block for _index, block in plain_blocks(snapshot, blocks)))
    import sqlite3  # the street office's own driver: it reads the plain copy as it is

    with closing(sqlite3.connect(plain)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = tmp_path / "again.sqlite3"
    shutil.copyfile(plain, again)
    put_under_key(again, key)
    assert cipher.is_encrypted(again)
    assert plain_digest(again) == digest_file(plain)
    with closing(sqlite.connect(again)) as con:
        assert con.execute("PRAGMA cipher_integrity_check").fetchall() == []


def test_a_new_password_re_encrypts_the_data_file_and_its_backups(secret: Path) -> None:
    from desktop.store.backup import list_backups, verify_backup
    from desktop.store.password import change_password

    unlock(secret, PASSWORD)
    backup = backup_database(db_path(secret), backups_dir(secret), label="test")
    with pytest.raises(cipher.WrongPassword):
        change_password(secret, "Not-the-password-1", "New-pass-2027")
    change_password(secret, PASSWORD, "New-pass-2027")
    cipher.forget_keys()
    with pytest.raises(cipher.WrongPassword):
        unlock(secret, PASSWORD)
    unlock(secret, "New-pass-2027")
    assert [p.name for p in list_backups(backups_dir(secret))] == [backup.name]
    assert verify_backup(backup).usable  # opens under the new key
    for name in residents(secret)[:2]:
        assert name not in db_path(secret).read_bytes()


def test_encrypting_notes_the_key_first_and_leaves_no_plain_pending_upload(
    demos: tuple[Path, Path], tmp_path: Path, monkeypatch
) -> None:
    from desktop.store import password

    folder = tmp_path / "plain"
    shutil.copytree(demos[1], folder)
    pending = folder / "sync" / "pending"
    pending.mkdir(parents=True)
    needles = residents(folder)
    (pending / "payload.zst").write_bytes(b"".join(needles))  # as a plain folder leaves it
    real = password.put_under_key
    noted = []

    def watch(path: Path, key: cipher.Key | None) -> None:
        noted.append((folder / password.MARKER_FILENAME).exists())
        real(path, key)

    monkeypatch.setattr(password, "put_under_key", watch)
    encrypt_data_file(folder, PASSWORD)
    assert noted == [True]  # a kill after the file is encrypted still finds its salt noted
    assert not pending.exists()
    assert found_in(folder, needles) == {}


def test_a_folder_another_program_has_open_is_not_encrypted(
    demos: tuple[Path, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "plain"
    shutil.copytree(demos[1], folder)
    with closing(sqlite.connect(db_path(folder), isolation_level=None)) as other:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("UPDATE person SET name = name")  # committed, waiting in the log
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM person").fetchone()  # a reader holds the log
        with pytest.raises(sqlite.OperationalError):
            encrypt_data_file(folder, PASSWORD)
        other.execute("COMMIT")
    assert not cipher.is_encrypted(db_path(folder))


def test_a_backup_that_cannot_be_re_encrypted_does_not_stop_the_change(secret: Path) -> None:
    from desktop.store.password import change_password

    unlock(secret, PASSWORD)
    good = backup_database(db_path(secret), backups_dir(secret), label="good")
    bad = backups_dir(secret) / "shuren-20260101-000000-000000-r0009.sqlite3"
    bad.write_bytes(cipher.session_key().salt + b"\0" * 8000)  # damaged, under the same salt
    change_password(secret, PASSWORD, "New-pass-2027")
    cipher.forget_keys()
    unlock(secret, "New-pass-2027")
    from desktop.store.backup import verify_backup

    assert verify_backup(good).usable
    assert bad.exists()
