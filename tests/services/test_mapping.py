"""Fields go between a domain dataclass and its stored row by name, with no list to keep."""

import dataclasses
from datetime import date

from desktop.domain.needs import Need, NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.services.mapping import from_row, shared_fields, to_row
from desktop.store.models import NeedRecord


def _need() -> Need:
    return Need(
        title="楼道灯不亮",
        category_id=3,
        description="三楼到五楼",
        raised_by="欧阳振华",
        person_id=7,
        phone="13800138000",
        building="3栋",
        unit="2单元",
        room="502",
        source=NeedSource.DOOR_KNOCKING,
        urgency=Urgency.URGENT,
        status=NeedStatus.RESOLVED,
        status_reason="",
        handled_by="物业",
        registered_on=date(2026, 3, 1),
        due_on=date(2026, 3, 15),
        solution="已更换灯管",
        satisfaction=Satisfaction.SATISFIED,
        is_dispute=True,
    )


def test_a_need_stored_and_read_back_is_the_same_need():
    need = _need()
    row = NeedRecord()
    to_row(row, need)
    assert row.status == "resolved" and row.satisfaction == Satisfaction.SATISFIED.value
    row.id, row.uuid = 12, "b7f1c4de-0000-4000-8000-000000000001"
    back = from_row(Need, row)
    assert back == dataclasses.replace(need, id=12, uuid=row.uuid)


def test_every_field_of_a_need_has_its_column():
    """A need field without a column would be lost on save: the two are kept in step."""
    assert set(shared_fields(Need, NeedRecord)) == {f.name for f in dataclasses.fields(Need)}


def test_id_and_uuid_are_not_written_over():
    row = NeedRecord()
    row.id, row.uuid = 5, "kept"
    to_row(row, dataclasses.replace(_need(), id=99, uuid="other"))
    assert (row.id, row.uuid) == (5, "kept")
