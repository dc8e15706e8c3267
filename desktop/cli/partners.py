"""`shuren list partners`: partner units with their agreements, activities and this year's
三个一 tracker (the JSON a street office or a script reads)."""

from datetime import date
from pathlib import Path

from desktop.cli.common import open_data_file, write_list
from desktop.domain.labels import word
from desktop.domain.partners import PartnerTracker, QuotaCell


def _cell(cell: QuotaCell) -> dict[str, object]:
    return {"state": cell.state, "count": cell.count}


def _tracker(t: PartnerTracker) -> dict[str, object]:
    return {
        "year": t.year,
        "quarters": [
            {
                "quarter": q.quarter,
                "pairing": _cell(q.pairing),
                "practical_service": _cell(q.practical_service),
            }
            for q in t.quarters
        ],
        "dispute_mediation": _cell(t.dispute_mediation),
    }


def list_partners(data_dir: Path, *, as_json: bool, today: date | None = None) -> int:
    from desktop.services import partners

    today = today or date.today()
    with open_data_file(data_dir) as db:
        units = partners.list_partners(db)
        trackers = {t.organization_id: t for t in partners.tracker(db, today.year, today)}
        agreements = {p.id: partners.list_agreements(db, p.id) for p in units}
        activities = {p.id: partners.list_activities(db, p.id) for p in units}
    if as_json:
        items = [
            {
                "id": p.id,
                "name": p.name,
                "partner_type": p.partner_type,
                "contact_name": p.contact_name,
                "phone": p.phone,
                "agreements": [
                    {
                        "id": a.id,
                        "uuid": a.uuid,
                        "signed_on": a.signed_on,
                        "term_start": a.term_start,
                        "term_end": a.term_end,
                        "content": a.content,
                    }
                    for a in agreements[p.id]
                ],
                "activities": [
                    {
                        "id": a.id,
                        "uuid": a.uuid,
                        "kind": a.kind,
                        "held_on": a.held_on,
                        "participants": a.participants,
                        "description": a.description,
                        "need_ids": a.need_ids,
                        "project_ids": a.project_ids,
                    }
                    for a in activities[p.id]
                ],
                "tracker": _tracker(trackers[p.id]),
            }
            for p in units
        ]
        write_list("partners", items)
        return 0
    for p in units:
        t = trackers[p.id]
        quarters = " ".join(
            f"Q{q.quarter} 结对{word(q.pairing.state)}/实事{word(q.practical_service.state)}"
            for q in t.quarters
        )
        kind = word(p.partner_type) if p.partner_type else ""
        mediation = word(t.dispute_mediation.state)
        print(f"{p.id}\t{p.name}\t{kind}\t{t.year}年 {quarters} 调处{mediation}")
    print(f"共 {len(units)} 个共建单位")
    return 0
