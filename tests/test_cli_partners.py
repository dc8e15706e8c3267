"""`shuren list partners [--json]` as a real process."""

import json
from datetime import date
from pathlib import Path

from desktop.domain.partners import Agreement, PartnerActivity, PartnerActivityKind, PartnerType
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations, partners
from desktop.store.database import open_database
from tests.test_cli import shuren

NAME = "欧阳䶮𠮷 <b>&共建</b>"


def test_list_partners_json_and_text(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    year = date.today().year
    db = open_database(data_dir)
    try:
        org = organizations.save_organization(
            db, Organization(OrganizationKind.PARTNER_UNIT, NAME, partner_type=PartnerType.SCHOOL)
        ).id
        organizations.save_organization(
            db, Organization(OrganizationKind.SELF_ORGANIZATION, "舞蹈队")
        )
        partners.save_agreement(db, Agreement(org, date(year - 1, 12, 1), content="四点半课堂"))
        kept = partners.save_activity(
            db, PartnerActivity(org, PartnerActivityKind.PAIRING, date(year, 1, 1), "张伟", "共学")
        )
        trashed = partners.save_activity(
            db, PartnerActivity(org, PartnerActivityKind.PAIRING, date(year, 1, 2), "", "删掉的")
        )
        partners.delete_activities(db, [trashed.id])
    finally:
        db.close()
    result = shuren("list", "partners", "--data-dir", data_dir, "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["kind"], doc["count"]) == ("partners", 1)
    (item,) = doc["items"]
    assert (item["name"], item["partner_type"]) == (NAME, "school")
    assert [a["content"] for a in item["agreements"]] == ["四点半课堂"]
    assert [(a["id"], a["kind"], a["held_on"]) for a in item["activities"]] == [
        (kept.id, "pairing", f"{year}-01-01")
    ]
    tracker = item["tracker"]
    assert tracker["year"] == year
    assert tracker["quarters"][0]["pairing"] == {"state": "met", "count": 1}
    assert tracker["quarters"][0]["practical_service"]["state"] in {"open", "missing"}

    text = shuren("list", "partners", "--data-dir", data_dir)
    assert text.returncode == 0, text.stderr
    assert NAME in text.stdout and "Q1 结对✓" in text.stdout and "共 1 个共建单位" in text.stdout
