"""The kinds of record a piece of work wrote are read from the writes themselves."""

import threading

from sqlalchemy import update

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need
from desktop.domain.resources import Resource
from desktop.services import needs, resources
from desktop.store.changes import KIND_OF_TABLE, track_changes
from desktop.store.models import Base, NeedRecord


def test_a_saved_need_is_a_change_of_needs_only(db):
    category = needs.list_categories(db)[0].id
    with track_changes() as changes:
        needs.save_need(db, Need(title="楼道灯不亮", category_id=category))
    assert changes.kinds == [RecordKind.NEED]


def test_an_update_statement_counts_as_well_as_changed_objects(db):
    category = needs.list_categories(db)[0].id
    saved = needs.save_need(db, Need(title="楼道灯不亮", category_id=category))
    with track_changes() as changes, db.session() as s:
        s.execute(update(NeedRecord).where(NeedRecord.id == saved.id).values(title="路灯不亮"))
    assert changes.kinds == [RecordKind.NEED]


def test_reading_changes_nothing_and_two_kinds_come_in_a_fixed_order(db):
    with track_changes() as changes:
        needs.list_categories(db)
    assert changes.kinds == []
    category = needs.list_categories(db)[0].id
    with track_changes() as changes:
        resources.save_resource(db, Resource(title="共享工具箱"))
        needs.save_need(db, Need(title="楼道灯不亮", category_id=category))
    assert changes.kinds == [RecordKind.NEED, RecordKind.RESOURCE]


def test_another_threads_writes_are_not_counted_here(db):
    worker = threading.Thread(target=lambda: resources.save_resource(db, Resource(title="雨伞")))
    with track_changes() as changes:
        worker.start()
        worker.join()
    assert changes.kinds == []


def test_every_table_a_page_lists_has_a_kind():
    """A new table must be given its kind here, or saving into it would refresh no page."""
    unlisted = {"draft", "merge_conflict"}
    tables = {t.name for t in Base.metadata.sorted_tables} - unlisted
    assert tables - set(KIND_OF_TABLE) == set()


def test_a_services_own_transaction_counts_for_the_change_around_it(db):
    category = needs.list_categories(db)[0].id
    with track_changes() as changes, db.transaction():
        needs.save_need(db, Need(title="楼道灯不亮", category_id=category))
    assert changes.kinds == [RecordKind.NEED]


def test_a_transaction_rolled_back_counts_for_nothing(db):
    category = needs.list_categories(db)[0].id
    with track_changes() as changes:
        try:
            with db.transaction():
                needs.save_need(db, Need(title="楼道灯不亮", category_id=category))
                raise RuntimeError("refused")
        except RuntimeError:
            pass
    assert changes.kinds == []
