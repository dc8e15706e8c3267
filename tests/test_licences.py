"""The list of bundled libraries (desktop/licences.py LIBRARIES) is every distribution the app
needs at run time, each installed with a version, a licence name and a licence text."""

from email.message import Message
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from desktop.licences import LIBRARIES, Component, library, licence_name, runtimes


def runtime_requirements(name: str = "shuren-xiaoqu") -> set[str]:
    """The distributions ``name`` requires to run (no extras), and theirs, by canonical name."""
    found: set[str] = set()
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        for line in dist.requires or ():
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            key = canonicalize_name(req.name)
            if key not in found:
                found.add(key)
                todo.append(req.name)
    return found


def test_the_list_is_every_runtime_requirement():
    listed = {canonicalize_name(name) for name in LIBRARIES}
    needed = runtime_requirements()
    assert needed - listed == set(), "required but not listed (nor shown in 关于)"
    assert listed - needed == set(), "listed but not required: not bundled"


def test_every_listed_library_is_installed_with_a_licence_and_its_text():
    for name in LIBRARIES:
        component = library(name)  # PackageNotFoundError when missing
        assert component.version == metadata.version(name)
        assert component.licence, name
        assert component.licence_texts(), f"{name}: no licence text found"


def test_the_licence_name_prefers_the_spdx_expression_then_a_short_field_then_a_classifier():
    def make(**fields: str | list[str]) -> Message:
        message = Message()
        for key, value in fields.items():
            for one in value if isinstance(value, list) else [value]:
                message[key.replace("_", "-")] = one
        return message

    assert licence_name(make(License_Expression="MIT", License="whatever")) == "MIT"
    assert licence_name(make(License="BSD-3-Clause")) == "BSD-3-Clause"
    long = "BSD license (see license.txt for details), Copyright (c) 2000-2024 ReportLab Inc."
    classifier = "License :: OSI Approved :: BSD License"
    assert licence_name(make(License=long, Classifier=[classifier])) == "BSD License"
    assert licence_name(make()) == ""


def test_the_runtimes_are_python_qt_and_sqlite():
    names = [c.name for c in runtimes("6.0.0")]
    assert names == ["Python", "Qt", "SQLite"]
    qt = runtimes("6.0.0")[1]
    assert isinstance(qt, Component) and qt.version == "6.0.0" and qt.licence == "LGPL-3.0-only"
    assert [name for name, _text in qt.licence_texts()] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
