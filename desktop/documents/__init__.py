"""Printed documents (ReportLab): minutes, sign-in sheet, compact, signing sheet. No Qt here.

Each writer takes domain objects and plain data, writes a PDF to a path or a binary stream,
and returns the characters no font could print (``Unprintable``: record and character), so
the window can warn the secretary before the paper is posted. Writers may run on a worker
thread; they serialize on a lock while ReportLab builds.
"""

from desktop.documents.compact import write_compact, write_comparison
from desktop.documents.minutes import minutes_title, write_minutes
from desktop.documents.signin import signin_title, write_signin_sheet
from desktop.documents.signing import write_signing_sheet
from desktop.documents.text import Unprintable

__all__ = [
    "Unprintable",
    "minutes_title",
    "signin_title",
    "write_compact",
    "write_comparison",
    "write_minutes",
    "write_signin_sheet",
    "write_signing_sheet",
]
