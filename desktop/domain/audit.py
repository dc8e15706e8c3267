"""The audit log (审计日志): who did what to the residents' data, kept so that a change shows.

Each entry names its time, the operating system's user, the event, its outcome and what it
concerned, and is hashed with the hash of the entry before it: changing or removing an entry
breaks the chain from there on (``verify`` in services/audit.py finds the first break). The
log lives in its own file beside the data file (store/audit_log.py), so writing an entry never
changes the data file that is synced, backed up, restored and merged.

The events (``AuditEvent``), and who records each:

- start: the window started and its data file passed its check;
- unlock / unlock_failed / password_change: opening the encrypted data file with its password,
  a wrong password, a new password;
- ledger_export / ledger_import: a ledger written to or read from Excel (kind, count);
- print_archive: a document carrying residents' full names or phones printed (the archive
  minutes, the sign-in sheet; kind and the record's id). The 公示版 is not logged;
- phone_reveal: a masked phone shown in full (the record's kind and id);
- restore: a backup or the street office's copy put in place (source, version);
- merge: another PC's copy merged with this one (version, conflicts);
- sync: every upload attempt (version, bytes sent; the reason when it failed);
- empty_trash: records deleted for good from the 回收站 (kind, ids);
- retention: the retention period of the residents' data changed (count = days).

What an entry concerned is counts, record ids and short codes only — never a name, a phone or
any other personal data. ``concerning`` enforces that shape: keys from ``CONCERNING_KEYS``,
values an int, a list of ints or a short code (``CODE``).
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

GENESIS = "0" * 64  # the prev_hash of the first entry


class AuditEvent(StrEnum):
    START = "start"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    PASSWORD_CHANGE = "password_change"
    LEDGER_EXPORT = "ledger_export"
    LEDGER_IMPORT = "ledger_import"
    PRINT_ARCHIVE = "print_archive"  # a document with full names or phones
    PHONE_REVEAL = "phone_reveal"
    RESTORE = "restore"
    MERGE = "merge"
    SYNC = "sync"
    EMPTY_TRASH = "empty_trash"  # records deleted for good from the 回收站
    RETENTION = "retention"


class Outcome(StrEnum):
    OK = "ok"
    FAILED = "failed"
    REFUSED = "refused"


# What an entry may say it concerned; each a count, record ids or a short code.
CONCERNING_KEYS = frozenset(
    {
        "count",  # rows exported, imported, records deleted, days kept …
        "bytes",  # bytes a sync sent
        "errors",  # rows refused by an import
        "ids",  # record ids inside the file
        "kind",  # which list or record kind (needs, meeting …)
        "source",  # where restored data came from (street, backup)
        "version",  # the street office's version number
        "conflicts",  # records edited on both sides of a merge
        "reason",  # a short code for a failure (diverged, sync_busy …)
        "mode",  # how a sync divergence was settled (keep_local …)
    }
)
# A short code: lower-case ASCII, digits, _ . -; never a run of 5 digits or more (a phone, an
# identity number or a room would need one).
CODE = re.compile(r"[a-z][a-z0-9_.\-]{0,39}")
_DIGIT_RUN = re.compile(r"\d{5,}")

Concerning = dict[str, int | list[int] | str]


class ConcerningError(ValueError):
    """A value an audit entry may not hold (personal data, an unknown key)."""


def concerning(**values: object) -> Concerning:
    """``values`` checked to be counts, ids and short codes (ConcerningError otherwise);
    None values are left out."""
    checked: Concerning = {}
    for key, value in values.items():
        if value is None:
            continue
        if key not in CONCERNING_KEYS:
            raise ConcerningError(f"unknown audit key {key!r}")
        checked[key] = _checked_value(key, value)
    return checked


def _checked_value(key: str, value: object) -> int | list[int] | str:
    if isinstance(value, bool):
        raise ConcerningError(f"audit key {key!r}: not a count")
    if isinstance(value, int):
        return value
    if isinstance(value, (list, tuple)) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        return list(value)
    if isinstance(value, str) and CODE.fullmatch(value) and not _DIGIT_RUN.search(value):
        return value
    raise ConcerningError(f"audit key {key!r}: only counts, ids and short codes")


def concerning_text(values: Concerning) -> str:
    """The stored (and hashed) form: canonical JSON."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime  # naive UTC
    os_user: str
    event: AuditEvent
    outcome: Outcome
    concerning: Concerning = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""


def entry_hash(
    entry_id: int,
    at: datetime,
    os_user: str,
    event: str,
    outcome: str,
    concerning_json: str,
    prev_hash: str,
) -> str:
    """Hex SHA-256 of an entry's fields and the previous entry's hash, in one canonical form
    (a JSON array, so no field can borrow another's characters)."""
    canonical = json.dumps(
        [
            entry_id,
            at.isoformat(timespec="microseconds"),
            os_user,
            event,
            outcome,
            concerning_json,
            prev_hash,
        ],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()
