"""A record's fields copied between its domain dataclass and its stored row, by name.

Every field the dataclass and the table share is copied, so a new field needs its column and
its dataclass field and no list here. Enums are stored by their value; a field typed ``bool``
is read as a bool (SQLite keeps 0/1).
"""

import dataclasses
import types
import typing
from collections.abc import Iterable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import inspect

T = TypeVar("T")
R = TypeVar("R")


@cache
def _types(cls: type) -> dict[str, Any]:
    """Each dataclass field's type, with ``X | None`` reduced to X."""
    found = {}
    for name, hint in typing.get_type_hints(cls).items():
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        found[name] = hint
    return found


@cache
def _columns(record_class: type) -> frozenset[str]:
    return frozenset(attr.key for attr in inspect(record_class).column_attrs)


def shared_fields(cls: type, record_class: type) -> list[str]:
    """The dataclass's fields that are also columns of the table, in the dataclass's order."""
    columns = _columns(record_class)
    return [f.name for f in dataclasses.fields(cls) if f.name in columns]


def from_stored(cls: type, name: str, value: Any) -> Any:
    """A stored value as the dataclass's field ``name`` holds it."""
    kind = _types(cls).get(name)
    if value is None:
        return None
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is bool:
        return bool(value)
    return value


def from_row(cls: type[T], row: object, **given: Any) -> T:
    """The domain object of a stored row; ``given`` supplies fields the table does not hold
    (or holds differently)."""
    values = {
        name: from_stored(cls, name, getattr(row, name))
        for name in shared_fields(cls, type(row))
        if name not in given
    }
    return cls(**values, **given)


def new_row(record_class: type[R], obj: object, **given: Any) -> R:
    """A new row holding the domain object's fields; ``given`` sets the rest (the owner's id,
    a position) or overrides one."""
    row = record_class()
    to_row(row, obj)
    for name, value in given.items():
        setattr(row, name, value)
    return row


def to_row(row: object, obj: object, skip: Iterable[str] = ("id", "uuid")) -> None:
    """Set the row's columns from the domain object; ``skip`` the fields kept as they are."""
    left_out = set(skip)
    for name in shared_fields(type(obj), type(row)):
        if name not in left_out:
            value = getattr(obj, name)
            setattr(row, name, value.value if isinstance(value, Enum) else value)
