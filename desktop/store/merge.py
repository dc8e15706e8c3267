"""Compare and merge two copies of the branch database, record by record (domain/copies.py).

Both copies are at this app's schema. A record is known by its uuid (a link row by the uuids
it links); a foreign key is compared and written as the uuid of the row it points to, so the
copies' own integer ids never matter. The merge is written into a copy of this PC's file in one
transaction, then checked (foreign keys and integrity) before anyone uses it.

Reading a copy keeps, per record, a hash of its values and its edit time, not the values
themselves: at 100,000 records per list the three copies fit in a few hundred MB at most.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import UniqueConstraint

from desktop.domain.copies import (
    LISTS,
    Conflict,
    CopyDiff,
    ListDiff,
    MergeReport,
    Side,
    list_label,
    short_title,
)
from desktop.store import sqlite
from desktop.store.models import Base, new_uuid, utcnow

# Autosaved forms belong to the PC they were typed on; conflict records of earlier merges do
# travel.
EXCLUDED = frozenset({"draft"})
# Integer references without a foreign key: column -> (column naming the table, its tables).
SOFT_REFERENCES: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("talent_right_use", "source_id"): (
        "source",
        {"meeting": "meeting", "project": "project", "evaluation": "evaluation"},
    ),
}

Key = tuple[Any, ...]
Progress = Callable[[int, int], None]


class MergeError(Exception):
    """The merged copy failed its checks; nothing was changed."""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]  # stored columns, without id and generated ones
    key: tuple[str, ...]  # ("uuid",) or the primary key's columns
    references: dict[str, str]  # foreign key column -> table whose id it holds
    owner: tuple[str, str] | None  # (column, table) of the record this row belongs to
    edited: str | None  # the column that says when the row (or its owner) last changed
    uniques: tuple[tuple[str, ...], ...]  # unique constraints besides uuid and the key

    @property
    def by_uuid(self) -> bool:
        return self.key == ("uuid",)


def schema_tables(conn: sqlite.Connection) -> list[Table]:
    """The tables to compare, parents before children, as the file at hand has them."""
    tables = []
    for table in Base.metadata.sorted_tables:
        if table.name in EXCLUDED:
            continue
        info = conn.execute(f'PRAGMA main.table_xinfo("{table.name}")').fetchall()
        stored = [row[1] for row in info if row[6] == 0]  # hidden 2/3: generated
        if not stored:
            continue  # not in this file
        references = {
            fk.parent.name: fk.column.table.name
            for fk in table.foreign_keys
            if fk.column.name == "id"
        }
        owner = next(
            (
                (fk.parent.name, fk.column.table.name)
                for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name)
                if fk.ondelete == "CASCADE"
            ),
            None,
        )
        key = ("uuid",) if "uuid" in stored else tuple(c.name for c in table.primary_key)
        edited = "updated_at" if "updated_at" in stored else None
        uniques = tuple(
            tuple(c.name for c in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
            and tuple(c.name for c in constraint.columns) not in (("uuid",), key)
        )
        columns = tuple(c for c in stored if c != "id")
        tables.append(Table(table.name, columns, key, references, owner, edited, uniques))
    return tables


# --- reading one copy ------------------------------------------------------------------------


def _select(table: Table, schema: str, tables: dict[str, Table]) -> str:
    """SELECT key..., values..., edit time — foreign keys as uuids."""
    joins = []
    alias = {}
    for i, (column, target) in enumerate(sorted(table.references.items())):
        alias[column] = f"j{i}"
        joins.append(f'LEFT JOIN {schema}."{target}" j{i} ON j{i}.id = t."{column}"')

    def value(column: str) -> str:
        if column in alias:
            return f"{alias[column]}.uuid"
        soft = SOFT_REFERENCES.get((table.name, column))
        if soft is not None:
            kind, targets = soft
            cases = " ".join(
                f'WHEN \'{k}\' THEN (SELECT uuid FROM {schema}."{v}" WHERE id = t."{column}")'
                for k, v in targets.items()
            )
            return f'CASE t."{kind}" {cases} END'
        return f't."{column}"'

    keys = [value(c) for c in table.key]
    if table.by_uuid:  # a row the app left without one must not stand for all such rows
        keys = ["COALESCE(t.uuid, 'rowid:' || t.rowid)"]
    values = [value(c) for c in table.columns]
    if table.edited:
        edited = f't."{table.edited}"'
    elif table.owner and tables.get(table.owner[1]) and tables[table.owner[1]].edited:
        edited = f'{alias[table.owner[0]]}."{tables[table.owner[1]].edited}"'
    else:
        edited = "NULL"
    columns = ", ".join([*keys, *values, edited])
    # In the order rows were added there, so a need's history keeps its order here too.
    return f'SELECT {columns} FROM {schema}."{table.name}" t {" ".join(joins)} ORDER BY t.rowid'


@dataclass
class _Side:
    """One copy of one table: per key, a hash of the values and the edit time. Only one
    table's three sides are held at a time."""

    rows: dict[Key, tuple[int, Any]] = field(default_factory=dict)


def _rows(
    conn: sqlite.Connection, table: Table, schema: str, tables: dict[str, Table]
) -> Iterator[tuple[Key, tuple[Any, ...], Any]]:
    nk, nv = len(table.key), len(table.columns)
    cursor = conn.execute(_select(table, schema, tables))
    while batch := cursor.fetchmany(5000):
        for row in batch:
            yield row[:nk], row[nk : nk + nv], row[nk + nv]


def _read(conn: sqlite.Connection, table: Table, schema: str, tables: dict[str, Table]) -> _Side:
    side = _Side()
    for key, values, edited in _rows(conn, table, schema, tables):
        side.rows[key] = (hash(values), edited)
    return side


def _values(
    conn: sqlite.Connection, table: Table, schema: str, tables: dict[str, Table], keys: set[Key]
) -> dict[Key, tuple[Any, ...]]:
    if not keys:
        return {}
    return {key: values for key, values, *_ in _rows(conn, table, schema, tables) if key in keys}


# --- deciding ------------------------------------------------------------------------------


@dataclass
class _Decision:
    take: set[Key] = field(default_factory=set)  # write theirs over ours (or add it)
    absent: set[Key] = field(default_factory=set)  # of ``take``, those not here at all
    delete: set[Key] = field(default_factory=set)  # gone there, unchanged here
    conflicts: dict[Key, Side] = field(default_factory=dict)  # both changed: who wins
    only_here: set[Key] = field(default_factory=set)
    only_there: set[Key] = field(default_factory=set)
    edited_both: set[Key] = field(default_factory=set)
    edited_here: set[Key] = field(default_factory=set)
    edited_there: set[Key] = field(default_factory=set)


def _decide(ours: _Side, theirs: _Side, base: _Side | None) -> _Decision:
    d = _Decision()
    for key in ours.rows.keys() | theirs.rows.keys():
        o, t = ours.rows.get(key), theirs.rows.get(key)
        if o is not None and t is not None and o[0] == t[0]:
            continue
        if t is None:
            d.only_here.add(key)
        elif o is None:
            d.only_there.add(key)
            d.absent.add(key)
        if base is not None:
            b = base.rows.get(key)
            b_hash = None if b is None else b[0]
            o_hash = None if o is None else o[0]
            t_hash = None if t is None else t[0]
            if o_hash == b_hash:  # changed there only
                (d.delete if t is None else d.take).add(key)
                if o is not None and t is not None:
                    d.edited_there.add(key)
                continue
            if t_hash == b_hash:  # changed here only
                if o is not None and t is not None:
                    d.edited_here.add(key)
                continue
        elif o is None:  # without a base: a record only there is added
            d.take.add(key)
            continue
        elif t is None:
            continue
        # Changed on both sides (or, without a base, simply different).
        if o is not None and t is not None:
            d.edited_both.add(key)
        winner = _later(o, t)
        d.conflicts[key] = winner
        if winner is Side.THERE:
            d.take.add(key)
    return d


def _later(ours: tuple[int, Any] | None, theirs: tuple[int, Any] | None) -> Side:
    """The side whose edit to keep: a record deleted on one side and edited on the other is
    kept; otherwise the later edit; a tie keeps this PC's."""
    if ours is None:
        return Side.THERE
    if theirs is None:
        return Side.HERE
    if theirs[1] is not None and (ours[1] is None or str(theirs[1]) > str(ours[1])):
        return Side.THERE
    return Side.HERE


# --- the whole comparison ------------------------------------------------------------------


class _Records:
    """What a changed row belongs to and what its record is called, asked of either copy as
    needed (a handful of rows, against the hundreds of thousands compared)."""

    def __init__(self, conn: sqlite.Connection, tables: dict[str, Table]) -> None:
        self.conn = conn
        self.tables = tables
        self._owners: dict[tuple[str, Key], Any] = {}
        self._titles: dict[tuple[str, Any], str] = {}

    def listed(self, table: str, key: Key) -> tuple[str, Any] | None:
        """The record of a list a row belongs to: (table, uuid); the row's own if listed."""
        for _ in range(8):  # owner chains are short; the bound guards against a cycle
            if table in LISTS:
                return table, key[0]
            info = self.tables[table]
            if info.owner is None:
                return None
            owner = self._owner(info, key)
            if owner is None:
                return None
            table, key = info.owner[1], (owner,)
        return None

    def _owner(self, table: Table, key: Key) -> Any:
        cached = self._owners.get((table.name, key), self)
        if cached is not self:
            return cached
        assert table.owner is not None
        column, owner = table.owner
        found = None
        for schema in ("main", "theirs"):
            where, params = _key_where(table, key, schema)
            row = self.conn.execute(
                f'SELECT o.uuid FROM {schema}."{table.name}" t JOIN {schema}."{owner}" o'
                f' ON o.id = t."{column}" WHERE {where}',
                params,
            ).fetchone()
            if row is not None:
                found = row[0]
                break
        self._owners[(table.name, key)] = found
        return found

    def title(self, table: str, uuid: Any) -> str:
        """This PC's title, and the other's when it differs (the record was renamed there)."""
        cached = self._titles.get((table, uuid))
        if cached is not None:
            return cached
        column = LISTS[table][1]
        here, there = (
            self.conn.execute(
                f'SELECT "{column}" FROM {schema}."{table}" WHERE uuid = ?', (uuid,)
            ).fetchone()
            for schema in ("main", "theirs")
        )
        here_title = None if here is None else short_title(here[0])
        there_title = None if there is None else short_title(there[0])
        if here_title and there_title and here_title != there_title:
            title = f"{here_title} → {there_title}"
        else:
            title = here_title or there_title or short_title("")
        self._titles[(table, uuid)] = title
        return title


def _key_where(table: Table, key: Key, schema: str) -> tuple[str, list[Any]]:
    """A row of ``table`` found by its key in ``schema``; references by the uuid they point to."""
    if table.by_uuid:
        return "t.uuid = ?", [key[0]]
    parts, params = [], []
    for column, value in zip(table.key, key, strict=True):
        if column in table.references:
            target = table.references[column]
            parts.append(f't."{column}" = (SELECT id FROM {schema}."{target}" WHERE uuid = ?)')
        else:
            parts.append(f't."{column}" IS ?')
        params.append(value)
    return " AND ".join(parts), params


@dataclass
class _Comparison:
    tables: list[Table]
    decisions: dict[str, _Decision]
    records: _Records
    with_base: bool


def _compare(conn: sqlite.Connection, with_base: bool, progress: Progress | None) -> _Comparison:
    tables = schema_tables(conn)
    by_name = {t.name: t for t in tables}
    decisions = {}
    for done, table in enumerate(tables):
        ours = _read(conn, table, "main", by_name)
        theirs = _read(conn, table, "theirs", by_name)
        base = _read(conn, table, "base", by_name) if with_base else None
        decisions[table.name] = _decide(ours, theirs, base)
        if progress is not None:
            progress(done + 1, len(tables))
    return _Comparison(tables, decisions, _Records(conn, by_name), with_base)


def _connect(ours: Path, theirs: Path, base: Path | None, *, read_only: bool) -> sqlite.Connection:
    conn = sqlite.connect(ours, "mode=ro" if read_only else "")
    conn.execute("PRAGMA busy_timeout = 10000")
    sqlite.attach(conn, theirs, "theirs", "mode=ro")
    if base is not None:
        sqlite.attach(conn, base, "base", "mode=ro")
    return conn


def compare_copies(
    ours: Path, theirs: Path, base: Path | None = None, progress: Progress | None = None
) -> CopyDiff:
    """How ``theirs`` differs from ``ours`` (files at this app's schema, read only)."""
    with closing(_connect(ours, theirs, base, read_only=True)) as conn:
        return _diff(_compare(conn, base is not None, progress))


def _diff(comparison: _Comparison) -> CopyDiff:
    """Per list, the records in each case; a changed part of a record counts as the record."""
    cases = ("only_here", "only_there", "edited_both", "edited_here", "edited_there")
    found: dict[str, dict[str, dict[Any, str]]] = {}
    records = comparison.records

    for table in comparison.tables:
        decision = comparison.decisions[table.name]
        for case in cases:
            for key in getattr(decision, case):
                target = records.listed(table.name, key)
                if target is None:
                    continue
                listed, uuid = target
                own = listed == table.name
                # A part added or removed makes its record edited, not "only here".
                shown = case if own else _as_edit(case, comparison.with_base)
                found.setdefault(listed, {}).setdefault(shown, {})[uuid] = records.title(
                    listed, uuid
                )
    lists = []
    for table_name in LISTS:
        if table_name not in found:
            continue
        per_case = found[table_name]
        diff = ListDiff(table_name)
        for case in cases:
            titles = per_case.get(case, {})
            setattr(diff, case, sorted(titles.values()))
        # A record listed as only on one side is not also listed as edited.
        edited_elsewhere = set(per_case.get("only_here", {})) | set(per_case.get("only_there", {}))
        for case in ("edited_both", "edited_here", "edited_there"):
            titles = {u: t for u, t in per_case.get(case, {}).items() if u not in edited_elsewhere}
            setattr(diff, case, sorted(titles.values()))
        lists.append(diff)
    return CopyDiff(lists, comparison.with_base)


def _as_edit(case: str, with_base: bool) -> str:
    if case == "only_here":
        return "edited_here" if with_base else "edited_both"
    if case == "only_there":
        return "edited_there" if with_base else "edited_both"
    return case


# --- merging -------------------------------------------------------------------------------


def merge_copies(
    target: Path, theirs: Path, base: Path | None = None, progress: Progress | None = None
) -> MergeReport:
    """Merge ``theirs`` into ``target`` (a copy of this PC's file, changed in place in one
    transaction). MergeError if the result fails its checks (``target`` is then unchanged)."""
    with closing(_connect(target, theirs, base, read_only=False)) as conn:
        conn.isolation_level = None  # transactions by hand
        comparison = _compare(conn, base is not None, progress)
        report = MergeReport()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            writer = _Writer(conn, comparison, report)
            for table in comparison.tables:
                writer.take(table)
            for table in reversed(comparison.tables):
                writer.delete(table)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MergeError(f"foreign keys broken: {broken[:5]}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise MergeError("; ".join(problems[:5]))
    return report


class _Writer:
    """Writes the decided rows into the merged copy, foreign keys resolved by uuid."""

    def __init__(self, conn: sqlite.Connection, comparison: _Comparison, report: MergeReport):
        self.conn = conn
        self.comparison = comparison
        self.report = report
        self.tables = {t.name: t for t in comparison.tables}
        # A record added on both PCs under one unique name (a building "5栋"): theirs is known
        # by ours' uuid from then on.
        self.aliases: dict[str, dict[str, str]] = {}
        self.merged_at = utcnow().isoformat(" ", "microseconds")

    def _id(self, table: str, uuid: str | None) -> int | None:
        if uuid is None:
            return None
        uuid = self.aliases.get(table, {}).get(uuid, uuid)
        row = self.conn.execute(f'SELECT id FROM main."{table}" WHERE uuid = ?', (uuid,)).fetchone()
        return None if row is None else row[0]

    def _stored(self, table: Table, values: tuple[Any, ...]) -> list[Any]:
        """The row's values as stored here: uuids of referenced rows turned into their ids."""
        named = dict(zip(table.columns, values, strict=True))
        out = []
        for column, value in zip(table.columns, values, strict=True):
            if column in table.references:
                value = self._id(table.references[column], value)
            elif (table.name, column) in SOFT_REFERENCES:
                kind, targets = SOFT_REFERENCES[(table.name, column)]
                target = targets.get(named.get(kind))
                value = self._id(target, value) if target else None
            out.append(value)
        return out

    def _where(self, table: Table, key: Key) -> tuple[str, list[Any]]:
        if table.by_uuid:
            return "uuid = ?", [key[0]]
        parts, params = [], []
        for column, value in zip(table.key, key, strict=True):
            if column in table.references:
                value = self._id(table.references[column], value)
            parts.append(f'"{column}" IS ?')
            params.append(value)
        return " AND ".join(parts), params

    def take(self, table: Table) -> None:
        decision = self.comparison.decisions[table.name]
        if not decision.take and not decision.conflicts:
            return
        theirs = _values(self.conn, table, "theirs", self.tables, decision.take)
        ours = _values(self.conn, table, "main", self.tables, set(decision.conflicts))
        for key, values in theirs.items():
            stored = self._stored(table, values)
            if key in decision.absent:
                self._insert(table, key, values, stored)
            else:
                self._update(table, key, stored)
        for key, winner in decision.conflicts.items():
            kept, other = (theirs.get(key), ours.get(key))
            if winner is Side.HERE:
                kept, other = other, kept
            self._note_conflict(table, key, winner, kept, other)

    def _update(self, table: Table, key: Key, stored: list[Any]) -> None:
        where, params = self._where(table, key)
        assignments = ", ".join(f'"{c}" = ?' for c in table.columns)
        try:
            self.conn.execute(
                f'UPDATE main."{table.name}" SET {assignments} WHERE {where}', [*stored, *params]
            )
        except sqlite.IntegrityError:
            self.report.skipped.append(self._cannot(table, key, "与本机另一条记录重名"))
            return
        if key not in self.comparison.decisions[table.name].conflicts:
            self._count(self.report.updated, table, key)

    def _insert(self, table: Table, key: Key, values: tuple[Any, ...], stored: list[Any]) -> None:
        columns = ", ".join(f'"{c}"' for c in table.columns)
        marks = ", ".join("?" * len(table.columns))
        try:
            self.conn.execute(
                f'INSERT INTO main."{table.name}" ({columns}) VALUES ({marks})', stored
            )
        except sqlite.IntegrityError:
            same = self._same_unique(table, stored)
            if same is None:
                self.report.skipped.append(self._cannot(table, key, "它所属的记录在本机已删除"))
                return
            # The same thing recorded on both PCs: one record, ours; theirs points to it.
            if table.by_uuid:
                self.aliases.setdefault(table.name, {})[key[0]] = same
            return
        if key not in self.comparison.decisions[table.name].conflicts:
            self._count(self.report.added, table, key)

    def _same_unique(self, table: Table, stored: list[Any]) -> str | None:
        named = dict(zip(table.columns, stored, strict=True))
        for columns in table.uniques:
            where = " AND ".join(f'"{c}" IS ?' for c in columns)
            row = self.conn.execute(
                f'SELECT {"uuid" if table.by_uuid else "1"} FROM main."{table.name}" WHERE {where}',
                [named[c] for c in columns],
            ).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def delete(self, table: Table) -> None:
        for key in self.comparison.decisions[table.name].delete:
            where, params = self._where(table, key)
            cursor = self.conn.execute(f'DELETE FROM main."{table.name}" WHERE {where}', params)
            if cursor.rowcount:
                self._count(self.report.removed, table, key)

    def _count(self, counts: dict[str, int], table: Table, key: Key) -> None:
        listed = self._listed(table.name, key)
        if listed is not None and listed[0] == table.name:  # parts of a record are not counted
            counts[table.name] = counts.get(table.name, 0) + 1

    def _listed(self, table: str, key: Key) -> tuple[str, Any] | None:
        return self.comparison.records.listed(table, key)

    def _title(self, table: str, key: Key) -> tuple[str, str]:
        listed = self._listed(table, key) or (table, key[0])
        if listed[0] not in LISTS:
            return listed[0], short_title("")
        return listed[0], self.comparison.records.title(*listed)

    def _cannot(self, table: Table, key: Key, why: str) -> str:
        listed, title = self._title(table.name, key)
        return f"【{list_label(listed)}】“{title}”的一项内容没有并入：{why}。"

    def _note_conflict(
        self,
        table: Table,
        key: Key,
        winner: Side,
        kept: tuple[Any, ...] | None,
        other: tuple[Any, ...] | None,
    ) -> None:
        listed, title = self._title(table.name, key)
        record_uuid = str(key[0])
        self.conn.execute(
            "INSERT INTO main.merge_conflict (uuid, merged_at, record_table, record_uuid, title,"
            " kept_side, kept_values, other_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                self.merged_at,
                table.name,
                record_uuid,
                title,
                str(winner),
                _as_json(table, kept),
                _as_json(table, other),
            ),
        )
        conflict = Conflict(listed, record_uuid, title, winner)
        if conflict not in self.report.conflicts:
            self.report.conflicts.append(conflict)


def _as_json(table: Table, values: tuple[Any, ...] | None) -> str:
    if values is None:
        return "null"  # the record was deleted on that side
    return json.dumps(
        dict(zip(table.columns, values, strict=True)), ensure_ascii=False, default=str
    )
