"""Names in pinyin order, and one participant row per person.

1. person.name_key, need.raised_by_key and visit.resident_key: the name's pinyin sort key
   (desktop/domain/name_order.py), filled here for every row, the roster's indexed for its
   paged list. The key is computed by the app's own function, so a row saved later gets the
   same key as one filled here.
2. A meeting that lists one person in two rows (林磊玉 as 楼栋长 and again as 业委会) keeps one
   row: the first, with every role (comma-separated in ``role``, first role first), the units
   joined with 、, the first roster link and phone, and the attendance that says the most
   (到会 over 请假 over 缺席 over 未登记). The other rows are deleted. Rows are one person when
   they link the same roster person, or carry the same name where either was typed by hand.

Both steps depend only on the rows themselves, so two PCs upgrading copies of one folder apart
arrive at the same rows (the merge of copies relies on it). Plain ADD COLUMN, not a batch
rebuild, as in 0006 and 0007: SQLite cannot copy into the generated search_text columns, and
the street office accepts only a schema the app writes the same way every time.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from desktop.domain.name_order import name_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

NAME_KEYS = (
    ("person", "name", "name_key"),
    ("need", "raised_by", "raised_by_key"),
    ("visit", "resident", "resident_key"),
)
ATTENDANCE_RANK = {"present": 0, "excused": 1, "absent": 2, "unknown": 3}
BATCH = 5000


def upgrade() -> None:
    conn = op.get_bind()
    for table, source, key in NAME_KEYS:
        op.add_column(
            table,
            sa.Column(key, sa.Text(), server_default=sa.text("''"), nullable=False),
        )
        rows = conn.exec_driver_sql(f'SELECT id, "{source}" FROM "{table}"').fetchall()
        for start in range(0, len(rows), BATCH):
            conn.exec_driver_sql(
                f'UPDATE "{table}" SET "{key}" = ? WHERE id = ?',
                [(name_key(name or ""), row_id) for row_id, name in rows[start : start + BATCH]],
            )
    op.create_index(
        "ix_person_live_name_key",
        "person",
        ["name_key", "search_text", "deleted_at"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    # Statistics (PRAGMA optimize keeps them) that know the old indexes but not the new one
    # make the planner count the roster through it: 2.6 → 15 ms at 100,000 people.
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        conn.exec_driver_sql("ANALYZE person")
    _one_row_per_person(conn)


def _same_person(a: tuple, b: tuple) -> bool:
    """a, b: (name, person_id)."""
    if a[1] is not None and b[1] is not None:
        return a[1] == b[1]
    return bool(a[0].strip()) and a[0].strip() == b[0].strip()


def _one_row_per_person(conn) -> None:
    rows = conn.exec_driver_sql(
        "SELECT id, meeting_id, role, name, organization, person_id, phone, attendance"
        " FROM meeting_participant ORDER BY meeting_id, position, id"
    ).fetchall()
    meetings: dict[int, list] = {}
    for row in rows:
        meetings.setdefault(row[1], []).append(row)
    updates, deletes = [], []
    for people in meetings.values():
        kept: list[list] = []  # [id, roles, name, units, person_id, phone, attendance, merged?]
        for row_id, _meeting, role, name, unit, person_id, phone, attendance in people:
            same = next((k for k in kept if _same_person((k[2], k[4]), (name, person_id))), None)
            if same is None:
                kept.append(
                    [
                        row_id,
                        role.split(","),
                        name,
                        [unit] if unit else [],
                        person_id,
                        phone,
                        attendance,
                        False,
                    ]
                )
                continue
            same[1] += [r for r in role.split(",") if r and r not in same[1]]
            same[3] += [u for u in unit.split("、") if u and u not in same[3]]
            same[4] = same[4] if same[4] is not None else person_id
            same[5] = same[5] or phone
            same[6] = min(same[6], attendance, key=lambda a: ATTENDANCE_RANK.get(a, 9))
            same[7] = True
            deletes.append((row_id,))
        updates += [(",".join(k[1]), "、".join(k[3]), k[4], k[5], k[6], k[0]) for k in kept if k[7]]
    if deletes:
        conn.exec_driver_sql("DELETE FROM meeting_participant WHERE id = ?", deletes)
    if updates:
        conn.exec_driver_sql(
            "UPDATE meeting_participant SET role = ?, organization = ?, person_id = ?,"
            " phone = ?, attendance = ? WHERE id = ?",
            updates,
        )


def downgrade() -> None:
    # Merged participants stay merged; an older app reads the first role of the row.
    conn = op.get_bind()
    conn.exec_driver_sql(
        "UPDATE meeting_participant SET role = substr(role, 1, instr(role, ',') - 1)"
        " WHERE instr(role, ',') > 0"
    )
    op.drop_index("ix_person_live_name_key", table_name="person")
    for table, _source, key in reversed(NAME_KEYS):
        op.drop_column(table, key)
