"""One unit of work over many service calls: ``Database.transaction()``."""

import threading

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.domain.needs import Need
from desktop.domain.resources import Resource
from desktop.services.needs import delete_needs, list_categories, save_need
from desktop.services.resources import save_resource
from desktop.store.database import Database
from desktop.store.models import NeedRecord, ResourceRecord


class Boom(Exception):
    pass


def counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        needs = s.scalar(select(func.count()).select_from(NeedRecord))
        resources = s.scalar(select(func.count()).select_from(ResourceRecord))
        return needs or 0, resources or 0


def a_need(db: Database, title: str = "楼道堆物") -> Need:
    return Need(title=title, category_id=list_categories(db)[0].id)


def test_two_services_writes_commit_together(db: Database) -> None:
    with db.transaction():
        need = save_need(db, a_need(db))
        save_resource(db, Resource(title="活动室"))
        with db.session() as s:  # joined: the need is visible before the commit
            assert s.get(NeedRecord, need.id) is not None
    assert counts(db) == (1, 1)


def test_two_services_writes_roll_back_together(db: Database) -> None:
    with pytest.raises(Boom), db.transaction():
        save_need(db, a_need(db))
        save_resource(db, Resource(title="活动室"))
        raise Boom
    assert counts(db) == (0, 0)


def test_a_failing_service_call_rolls_back_the_earlier_ones(db: Database) -> None:
    with pytest.raises(ValidationError), db.transaction():
        save_resource(db, Resource(title="活动室"))
        save_need(db, Need(title=""))  # refused: no title
    assert counts(db) == (0, 0)


def test_an_inner_transaction_joins_the_outer_one(db: Database) -> None:
    with pytest.raises(Boom), db.transaction() as outer:
        with db.transaction() as inner:
            save_resource(db, Resource(title="活动室"))
        assert inner is outer
        assert counts(db) == (0, 1)  # seen inside: the outer one has not ended
        raise Boom
    assert counts(db) == (0, 0)


def test_another_thread_is_not_part_of_the_transaction(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    with db.transaction():
        save_resource(db, Resource(title="活动室"))
        worker = threading.Thread(target=lambda: seen.append(counts(db)))
        worker.start()
        worker.join()
    assert seen == [(0, 0)]  # its own session: the uncommitted row is not visible
    assert counts(db) == (0, 1)


def test_after_the_block_sessions_commit_on_their_own_again(db: Database) -> None:
    with pytest.raises(Boom), db.transaction():
        raise Boom
    save_resource(db, Resource(title="活动室"))
    assert counts(db) == (0, 1)


def test_the_unit_names_the_tables_it_wrote(db: Database) -> None:
    with db.transaction() as unit:
        save_need(db, a_need(db))
        list_categories(db)  # a read writes nothing
    assert unit.changed_tables == {"need", "need_status_change"}

    need = save_need(db, a_need(db, "电梯"))
    with db.transaction() as unit:
        assert delete_needs(db, [need.id]) == 1  # one UPDATE statement, no flush
    assert unit.changed_tables == {"need"}


def test_a_unit_that_only_read_or_changed_nothing_names_no_table(db: Database) -> None:
    need = save_need(db, a_need(db))
    with db.transaction() as unit, db.session() as s:
        rec = s.get(NeedRecord, need.id)
        assert rec is not None
        rec.title = rec.title  # set to what it was: nothing to write
    assert unit.changed_tables == set()


def test_a_rolled_back_unit_names_no_table(db: Database) -> None:
    with pytest.raises(Boom), db.transaction() as unit:
        save_resource(db, Resource(title="活动室"))
        assert unit.changed_tables == {"resource"}  # flushed by the save
        raise Boom
    assert unit.changed_tables == set()
