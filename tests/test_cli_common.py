"""What every command shares: the data file opened (and closed) for it, the JSON it writes."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path

import pytest

from desktop.cli.common import UsageError, open_data_file, write_json
from desktop.store.database import Database, open_database
from desktop.store.datadir import db_path


def test_no_data_file_is_bad_input_and_creates_none(data_dir: Path) -> None:
    with pytest.raises(UsageError) as raised, open_data_file(data_dir):
        pass
    assert str(raised.value) == f"数据目录 {data_dir} 中没有数据文件。"
    assert not db_path(data_dir).exists()


def test_the_database_is_closed_when_the_command_fails(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(data_dir).close()
    closed: list[Database] = []
    close = Database.close
    monkeypatch.setattr(Database, "close", lambda db: (closed.append(db), close(db)))
    with pytest.raises(RuntimeError), open_data_file(data_dir) as db:
        raise RuntimeError("the command failed")
    assert closed == [db]


class Colour(Enum):
    RED = "red"


@dataclass
class Thing:
    colour: Colour
    on: date
    at: datetime
    money: Decimal
    tags: tuple[str, ...]


def test_json_of_domain_objects(capsys: pytest.CaptureFixture[str]) -> None:
    thing = Thing(
        Colour.RED, date(2026, 3, 1), datetime(2026, 3, 1, 9, 30, 15), Decimal("1234.50"), ("甲",)
    )
    write_json({"items": [thing], "none": None})
    assert capsys.readouterr().out == (
        '{\n "items": [\n  {\n   "colour": "red",\n   "on": "2026-03-01",\n'
        '   "at": "2026-03-01T09:30",\n   "money": "1234.50",\n   "tags": [\n    "甲"\n   ]\n'
        '  }\n ],\n "none": null\n}\n'
    )
