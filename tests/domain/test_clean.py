"""Every clean_* function of the domain tidies the fields it knows and passes every other field
through untouched, so a field added to a record later is never lost on save."""

import dataclasses
import importlib
import inspect
import pkgutil
import types
import typing
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum

import pytest

import desktop.domain


def _clean_functions() -> list:
    found = []
    for info in pkgutil.iter_modules(desktop.domain.__path__):
        module = importlib.import_module(f"desktop.domain.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("clean_") and fn.__module__ == module.__name__:
                record = typing.get_type_hints(fn).get(next(iter(inspect.signature(fn).parameters)))
                if dataclasses.is_dataclass(record):
                    found.append(fn)
    return found


CLEAN_FUNCTIONS = _clean_functions()


def _record_type(fn) -> type:
    return typing.get_type_hints(fn)[next(iter(inspect.signature(fn).parameters))]


def _value(hint):
    """An already clean value of the type that is not a field's default."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)))
    if origin is list:
        return [_value(args[0])]
    if origin is tuple:
        return (_value(args[0]),)
    if origin is frozenset:
        return frozenset(args[0])  # every member of the enum
    if dataclasses.is_dataclass(hint):
        return _filled(hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return list(hint)[-1]
    simple = {
        str: "甲乙",
        bool: True,
        int: 7,
        Decimal: Decimal("12.50"),
        date: date(2026, 5, 1),
        datetime: datetime(2026, 5, 1, 9, 30, tzinfo=UTC),
    }
    return simple[hint]


def _filled(record: type):
    """A record with every field set, none to its default."""
    hints = typing.get_type_hints(record)
    values = {f.name: _value(hints[f.name]) for f in dataclasses.fields(record) if f.init}
    if "more_roles" in values:  # a participant's other roles differ from the first one
        values["more_roles"] = (next(iter(type(values["role"]))),)
    return record(**values)


@pytest.mark.parametrize("clean", CLEAN_FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_a_clean_record_comes_back_whole(clean):
    record = _filled(_record_type(clean))
    assert clean(record) == record


@pytest.mark.parametrize("clean", CLEAN_FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_a_field_the_cleaner_does_not_know_passes_through(clean):
    record_type = _record_type(clean)
    # The record as it would be with one more field than the cleaner was written for.
    grown = dataclasses.make_dataclass(
        f"Grown{record_type.__name__}",
        [("added_later", str, dataclasses.field(default=""))],
        bases=(record_type,),
    )
    base = _filled(record_type)
    record = grown(
        **{f.name: getattr(base, f.name) for f in dataclasses.fields(base) if f.init},
        added_later="新字段",
    )
    cleaned = clean(record)
    assert getattr(cleaned, "added_later", None) == "新字段"
