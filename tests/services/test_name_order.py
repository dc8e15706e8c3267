"""Names sorted as people expect — by pinyin — wherever a list is sorted by a name: the roster
(and `shuren list people`), the needs by 提出人, the visits by 来访人; the sort key kept with the
record on every save, the demo's bulk inserts and ledger imports included."""

import json
from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import select

from desktop.domain.name_order import name_key
from desktop.domain.needs import Need, NeedQuery
from desktop.domain.roster import PeopleQuery, Person
from desktop.domain.visits import Visit, VisitKind, VisitQuery
from desktop.services import ledger, needs, people, visits
from desktop.services.demo import make_demo
from desktop.store.database import Database
from desktop.store.models import NeedRecord, PersonRecord, VisitRecord
from tests.test_cli import shuren

# As a secretary files them: 丁 ding, 东方 dong, 付 fu, 𠮷 (吉) ji, 上官 shang, 于 yu, 曾 zeng.
IN_ORDER = ["丁一", "东方明", "付强", "𠮷祥", "上官婉儿", "于敏", "曾国藩"]
# By code point they would read 丁 上官 东方 于 付 曾 𠮷.
TYPED = ["于敏", "曾国藩", "付强", "上官婉儿", "丁一", "𠮷祥", "东方明"]


def test_the_roster_sorts_by_pinyin(db: Database) -> None:
    for name in TYPED:
        people.save_person(db, Person(name=name))
    listed = [r.name for r in people.list_people(db, PeopleQuery(sort="name"))]
    assert listed == IN_ORDER
    assert [p.name for p in people.all_people(db)] == IN_ORDER
    back = people.list_people(db, PeopleQuery(sort="name", descending=True))
    assert [r.name for r in back] == IN_ORDER[::-1]
    # Keyset pages walk the same order.
    seen, last = [], None
    while page := people.list_people(db, PeopleQuery(), limit=2, after=last):
        seen += [r.name for r in page]
        last = page[-1]
    assert seen == IN_ORDER


def test_a_renamed_person_moves_to_the_new_place(db: Database) -> None:
    ids = {n: people.save_person(db, Person(name=n)).id for n in TYPED}
    person = people.get_person(db, ids["丁一"])
    person.name = "张一"
    people.save_person(db, person)
    listed = [r.name for r in people.list_people(db, PeopleQuery())]
    assert listed == [*IN_ORDER[1:], "张一"]  # zeng, then zhang


def test_needs_by_who_raised_them_and_visits_by_resident(db: Database) -> None:
    category = needs.list_categories(db)[0].id
    for name in TYPED:
        needs.save_need(db, Need(title=f"{name}的需求", category_id=category, raised_by=name))
        visits.save_visit(
            db,
            Visit(
                kind=VisitKind.RECEPTION_DAY,
                visited_on=date(2026, 11, 3),
                resident=name,
                issue="噪音",
            ),
        )
    by_raiser = needs.list_needs(db, NeedQuery(sort="raised_by", descending=False))
    assert [r.raised_by for r in by_raiser] == IN_ORDER
    by_resident = visits.list_visits(db, VisitQuery(sort="resident", descending=False))
    assert [r.resident for r in by_resident] == IN_ORDER


NAMED = {
    "person": (PersonRecord.name, PersonRecord.name_key),
    "need": (NeedRecord.raised_by, NeedRecord.raised_by_key),
    "visit": (VisitRecord.resident, VisitRecord.resident_key),
}


def keys_follow_names(db: Database, *tables: str) -> None:
    with db.session() as s:
        for table in tables or NAMED:
            rows = s.execute(select(*NAMED[table])).all()
            assert rows, table
            assert all(k == name_key(n) for n, k in rows), table


def test_the_demo_fills_every_key(db: Database) -> None:
    make_demo(db, scale=60, seed=3, today=date(2026, 11, 25))
    keys_follow_names(db)


def test_a_ledger_import_fills_the_keys(db: Database, tmp_path: Path) -> None:
    category = needs.list_categories(db)[0].id
    needs.save_need(db, Need(title="楼道灯坏了", category_id=category, raised_by="于敏"))
    sheet = tmp_path / "needs.xlsx"
    ledger.export_ledger(db, "needs", sheet)
    book = openpyxl.load_workbook(sheet)
    rows = book.active
    header = [c.value for c in rows[1]]
    column = header.index("提出人") + 1
    rows.cell(row=2, column=column, value="曾国藩")  # the record renamed
    rows.append(
        [None if h == "编号" else c.value for h, c in zip(header, rows[2], strict=True)]
    )  # a new record
    rows.cell(row=3, column=column, value="𠮷祥")
    book.save(sheet)
    report = ledger.import_ledger(db, "needs", sheet)
    assert (report.created, report.updated) == (1, 1), report
    keys_follow_names(db, "need")
    listed = needs.list_needs(db, NeedQuery(sort="raised_by", descending=False))
    assert [r.raised_by for r in listed] == ["𠮷祥", "曾国藩"]


def test_shuren_list_people_in_pinyin_order(db: Database, data_dir: Path) -> None:
    for name in TYPED:
        people.save_person(db, Person(name=name))
    result = shuren("list", "people", "--data-dir", data_dir, "--json")
    assert result.returncode == 0, result.stderr
    assert [item["name"] for item in json.loads(result.stdout)["items"]] == IN_ORDER
    text = shuren("list", "people", "--data-dir", data_dir)
    assert [line.split("\t")[1] for line in text.stdout.splitlines()[:-1]] == IN_ORDER
