"""Records for the search tests: Chinese names and words, digits, markup, quotes, FTS syntax."""

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.needs import Need, NeedQuery
from desktop.domain.projects import Project, ProjectQuery
from desktop.domain.resources import ProviderKind, Resource, ResourceQuery
from desktop.domain.roster import Address, Building, PeopleQuery, Person
from desktop.services import needs, people, projects, resources
from desktop.services.neighborhood import save_building
from desktop.store.database import Database


@dataclass(frozen=True)
class SearchList:
    """One list as the search tests see it: its table, query class and service calls."""

    table: str
    query: type
    count: object
    page: object

    def ids(self, db: Database, text: str) -> list[int]:
        return [r.id for r in self.page(db, self.query(text=text), 0, 100_000)]  # type: ignore[operator]

    def total(self, db: Database, text: str) -> int:
        return self.count(db, self.query(text=text))  # type: ignore[operator]


LISTS = (
    SearchList("person", PeopleQuery, people.count_people, people.list_people),
    SearchList("need", NeedQuery, needs.count_needs, needs.list_needs),
    SearchList("resource", ResourceQuery, resources.count_resources, resources.list_resources),
    SearchList("project", ProjectQuery, projects.count_projects, projects.list_projects),
)

AWKWARD = (
    'A&B 公司 "x" <b>加粗</b>',
    "NEAR(电梯, 2) AND OR NOT",
    "col:title ^start a*b",
    "100% 满意_度 '单引号'",
    "Tom tom TOM",
    "（第1期）「公约」",
)


def brute_force(data_dir: Path, table: str, text: str, *, deleted: bool = False) -> list[int]:
    """Ids whose search_text holds every word, by Python's ``in`` on every row."""
    con = sqlite3.connect(data_dir / "shuren.sqlite3")
    try:
        rows = con.execute(f"SELECT id, search_text, deleted_at FROM {table}").fetchall()
    finally:
        con.close()
    words = text.split()
    return sorted(
        i for i, s, d in rows if (d is not None) == deleted and all(w in s for w in words)
    )


def fill(db: Database) -> None:
    """A few of every kind of record; some text in every list is awkward on purpose."""
    b1 = save_building(db, Building(name="1栋")).id
    b2 = save_building(db, Building(name="2栋")).id
    spec = [
        ("张伟", "13812345678", b1, "1203"),
        ("张伟华", "13912349999", b1, "502"),
        ("李伟", "0755-26881234", b2, "1203"),
        ("王䶮", "15800001111", b2, "801"),
        ("𠮷祥", "", None, "302"),
        ("伟张", "13600004444", b1, "A&B"),
        ("欧阳娜娜", "13812340000", b2, '"x"'),
        ("赵堃", "", b1, "<b>"),
        ("孙喆", "13700003333", None, "NEAR("),
        ("Tom", "", None, "tom"),
    ]
    for name, phone, building, room in spec:
        people.save_person(
            db, Person(name=name, phone=phone, address=Address(building_id=building, room=room))
        )
    category = needs.list_categories(db)[0].id
    titles = ["电梯灯不亮", "楼道 电梯 漏水", "张伟家门口堆放杂物", "1203 漏水", *AWKWARD]
    for i, title in enumerate(titles):
        needs.save_need(
            db,
            Need(
                title=title,
                category_id=category,
                raised_by=("张伟", "李伟", "王䶮", "")[i % 4],
                phone=("13812345678", "", "0755-26881234")[i % 3],
                building=("1栋", "2栋", "")[i % 3],
                room=("1203", "502", "")[i % 3],
                registered_on=date(2025, 1, 1 + i),
            ),
        )
    for i, title in enumerate(["活动室", "法律咨询", "电梯维修", *AWKWARD]):
        resources.save_resource(
            db,
            Resource(
                title=title,
                provider_kind=ProviderKind.OTHER,
                provider=("鹏程律师事务所", "张伟", "")[i % 3],
                availability=("周末全天", "")[i % 2],
                contact=("李伟", "")[i % 2],
                phone=("13812345678", "")[i % 2],
            ),
        )
    for title in ["3栋加装电梯（第1期）", "楼道改造", "张伟1203党员先锋岗", *AWKWARD]:
        projects.save_project(db, Project(title=title))
