"""`shuren list …`: every live record of a kind, as text lines or as JSON (--json)."""

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import add_data_dir, open_data_file, write_list
from desktop.cli.ledger import LEDGER_KINDS

LIST_KINDS = ("people", *LEDGER_KINDS, "visits", "meetings", "compacts", "partners")


def add_arguments(sub: Any) -> None:
    lister = sub.add_parser("list", help="列出记录")
    lister.add_argument("kind", choices=LIST_KINDS)
    add_data_dir(lister)
    lister.add_argument("--json", action="store_true")


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    if args.kind in LEDGER_KINDS:
        return _list_records(args, data_dir)
    if args.kind in ("visits", "meetings"):
        return _list_visits_or_meetings(args, data_dir)
    if args.kind == "compacts":
        return _list_compacts(args, data_dir)
    if args.kind == "partners":
        from desktop.cli.partners import list_partners

        return list_partners(data_dir, as_json=args.json)
    return _list_people(args, data_dir)


def _list_people(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services.neighborhood import list_buildings
    from desktop.services.people import all_people

    with open_data_file(data_dir) as db:
        buildings = {b.id: b.name for b in list_buildings(db)}
        people = all_people(db)
    if args.json:
        items = [
            {
                "id": p.id,
                "uuid": p.uuid,
                "name": p.name,
                "phone": p.phone,
                "building": buildings.get(p.address.building_id, ""),
                "unit": p.address.unit,
                "room": p.address.room,
                "party_member": p.is_party_member,
                "roles": sorted(r.value for r in p.roles),
                "skills": p.skills,
                "talent_rights": sorted(r.value for r in p.talent_rights),
                "note": p.note,
            }
            for p in people
        ]
        write_list("people", items)
        return 0
    for p in people:
        building = buildings.get(p.address.building_id, "")
        unit = f"{p.address.unit}单元" if p.address.unit else ""
        print(f"{p.id}\t{p.name}\t{p.phone}\t{building}{unit}{p.address.room}")
    print(f"共 {len(people)} 人")
    return 0


def _list_visits_or_meetings(args: argparse.Namespace, data_dir: Path) -> int:
    """Every live visit or meeting, whole (a meeting with its participants, topics, votes,
    consensus, action items and corrections)."""
    from desktop.domain.meetings import MeetingQuery
    from desktop.domain.visits import VisitQuery
    from desktop.services import meetings, visits

    with open_data_file(data_dir) as db:
        if args.kind == "visits":
            rows = _all_rows(
                lambda after: visits.list_visits(
                    db, VisitQuery(descending=False), after=after, limit=1000
                )
            )
            records = [visits.get_visit(db, row.id) for row in rows]
        else:
            rows = _all_rows(
                lambda after: meetings.list_meetings(
                    db, MeetingQuery(descending=False), after=after, limit=1000
                )
            )
            records = [meetings.get_meeting(db, row.id) for row in rows]
    if args.json:
        write_list(args.kind, records)
        return 0
    for r in records:
        if args.kind == "visits":
            issue = r.issue.splitlines()[0] if r.issue else ""
            print(f"{r.id}\t{r.visited_on:%Y-%m-%d}\t{r.resident}\t{issue}")
        else:
            state = "已定稿" if r.is_final else "草稿"
            print(f"{r.id}\t{r.starts_at:%Y-%m-%d %H:%M}\t{r.title}\t{state}")
    print(f"共 {len(records)} 条")
    return 0


def _all_rows(page):
    rows, after = [], None
    while batch := page(after):
        rows += batch
        after = batch[-1]
    return rows


def _list_compacts(args: argparse.Namespace, data_dir: Path) -> int:
    """Every live compact with all its versions: text, adoption (or null for a draft)."""
    from desktop.services import compacts

    with open_data_file(data_dir) as db:
        records = [compacts.get_compact(db, row.id) for row in compacts.list_compacts(db)]
    if args.json:
        items = [
            {
                "id": c.id,
                "uuid": c.uuid,
                "title": c.title,
                "state": c.state,
                "versions": [_compact_version(v) for v in c.versions],
            }
            for c in records
        ]
        write_list("compacts", items)
        return 0
    states = {"draft": "草案", "adopted": "已通过", "revising": "修订中"}
    for c in records:
        shown = c.current or c.draft
        number = shown.number if shown else 0
        print(f"{c.id}\t{c.title}\t{states[c.state.value]}\t第{number}版")
    print(f"共 {len(records)} 项")
    return 0


def _compact_version(v) -> dict[str, object]:
    adoption = v.adoption
    return {
        "number": v.number,
        "title": v.title,
        "preamble": v.preamble,
        "chapters": [{"title": ch.title, "articles": list(ch.articles)} for ch in v.chapters],
        "closing": v.closing,
        "adoption": None
        if adoption is None
        else {
            "meeting_id": adoption.meeting_id,
            "adopted_on": adoption.adopted_on,
            "votes": {
                "for": adoption.votes_for,
                "against": adoption.votes_against,
                "abstain": adoption.votes_abstain,
            },
            "households": adoption.households,
        },
        "state": "draft" if v.is_draft else "adopted",
    }


def _list_records(args: argparse.Namespace, data_dir: Path) -> int:
    """needs / resources / projects: every live record, with the fields of its ledger."""
    from desktop.domain.labels import word
    from desktop.domain.ledger import LedgerKind
    from desktop.services import ledger

    kind = LedgerKind(args.kind)
    with open_data_file(data_dir) as db, ledger.iter_records(db, kind) as records:
        items = list(records)
    if args.json:
        write_list(kind.value, items)
        return 0
    state = {LedgerKind.NEEDS: "status", LedgerKind.RESOURCES: "kind", LedgerKind.PROJECTS: "stage"}
    for item in items:
        shown = word(item[state[kind]])
        print(f"{item['id']}\t{item['title']}\t{shown}\t{item['registered_on']:%Y-%m-%d}")
    print(f"共 {len(items)} 条")
    return 0
