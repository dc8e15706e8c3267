"""A real street office for the sync page and scheduler tests.

The receiver is a real `shuren-street serve` (one per run, see ``shared_street`` in
tests/ui/conftest.py); each test registers its own branch on it and points the data folder at
it. The client is the real desktop.sync.client: its calls are only watched (which syncs ran,
with what answer), never replaced. What has to go wrong goes wrong for real (a wrong token, a
port where nothing listens, too few records) or is held at the HTTP boundary: a request of
the upload waits there until the test has looked at the window.
"""

import socket
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.needs import Need
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import needs, organizations
from desktop.store.database import Database
from desktop.sync import client, config
from desktop.sync.receiver.storage import Storage
from desktop.sync.transport import Connection
from desktop.ui.tasks import pending_tasks
from tests.sync.conftest import StreetServer, add_branch

BRANCH_NAME = "翠竹苑小区党支部"
# The client's words when nothing answers at the address.
OFFLINE = "连不上街道办服务器，可能是网络断了；稍后会自动再试。"
# The client's words when the street office refuses the token.
WRONG_TOKEN = "街道办服务器不认这个令牌。请向街道办索取新的令牌，在“同步”页重新填写。"
# Small enough that even an empty branch database goes up in several requests, so an upload
# held at its second request is really half-way (the client checks for 取消 between them).
CHUNK = 2 * 1024


class StreetOffice:
    """One branch on the real receiver, the app's data folder and the client's line to it.

    ``calls``: the confirm_shrink of every ``client.sync_once`` (the real one runs);
    ``outcomes``: what each returned or raised; ``requests``: (method, path) of every HTTP
    request the client made; ``pending_calls``: how many times the pending size was worked out.
    """

    def __init__(self, server: StreetServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch):
        self.server = server
        self.data_dir = data_dir
        self.branch, self.token = add_branch(server, BRANCH_NAME)
        self.wrong_token = self.branch + "." + "w" * 43  # this branch, not its secret
        # Bound but never listening: a connection to it is refused at once, and no other
        # program can take the port meanwhile.
        self._nobody = socket.socket()
        self._nobody.bind(("127.0.0.1", 0))
        self.dead_url = f"http://127.0.0.1:{self._nobody.getsockname()[1]}"
        self.calls: list[bool] = []
        self.outcomes: list[Any] = []
        self.requests: list[tuple[str, str]] = []
        self.payload_length: int | None = None  # of the last upload the client created
        self.pending_calls = 0
        self.held = threading.Event()  # a request is waiting at the boundary
        self._gate = threading.Event()
        self._gate.set()
        monkeypatch.setattr(client, "CHUNK_SIZE", CHUNK)
        monkeypatch.setattr(Connection, "call", self._watched_call(Connection.call))
        monkeypatch.setattr(client, "sync_once", self._watched_sync(client.sync_once))
        monkeypatch.setattr(client, "pending_bytes", self._counted(client.pending_bytes))

    @property
    def url(self) -> str:
        return self.server.url

    def configure(
        self, *, auto: bool = True, server: str | None = None, token: str | None = None
    ) -> None:
        """Save the address and the token as the 同步 page does (the live ones by default)."""
        config.save_config(self.data_dir, config.SyncConfig(server=server or self.url, auto=auto))
        config.save_token(self.data_dir, token or self.token)

    def version(self) -> int | None:
        """The version the street office holds now (None: nothing uploaded yet)."""
        return Storage(self.server.data_dir, create=False).current_version(self.branch)

    def hold_upload(self) -> None:
        """The next upload stops on the line before its second request, its first part sent
        and reported, until ``release()``."""
        self.held.clear()
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def close(self) -> None:
        self.release()  # never leave a worker waiting
        self._nobody.close()

    # -- the watches ----------------------------------------------------------------------
    def _watched_call(self, real: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        def call(connection: Connection, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
            self.requests.append((method, path))
            if method == "POST" and path == "/uploads":
                self.payload_length = kwargs["json_body"]["payload_length"]
            if method == "PUT" and not path.endswith("?offset=0") and not self._gate.is_set():
                self.held.set()
                assert self._gate.wait(10), "a held request was never released"
            return real(connection, method, path, **kwargs)

        return call

    def _watched_sync(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def sync_once(data_dir: Path, **kwargs: Any) -> Any:
            assert data_dir == self.data_dir
            self.calls.append(kwargs.get("confirm_shrink", False))
            try:
                result = real(data_dir, **kwargs)
            except Exception as exc:
                self.outcomes.append(exc)
                raise
            self.outcomes.append(result)
            return result

        return sync_once

    def _counted(self, real: Callable[[Path], int]) -> Callable[[Path], int]:
        def pending_bytes(data_dir: Path) -> int:
            self.pending_calls += 1
            return real(data_dir)

        return pending_bytes


def settled(qtbot: Any) -> Callable[[Any], None]:
    """For ``qtbot.addWidget(before_close_func=...)``: the background work a window started
    (a sync, re-reading the status, sizing the pending changes) reports before the window
    closes; its answer would otherwise reach a window already gone, during the next test."""

    def settle(_widget: Any) -> None:
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)

    return settle


def add_needs(db: Database, count: int) -> list[int]:
    category = needs.list_categories(db)[0].id
    return [
        needs.save_need(
            db,
            Need(
                title=f"需求{n}", category_id=category, raised_by="住户", registered_on=date.today()
            ),
        ).id
        for n in range(count)
    ]


def add_organizations(db: Database, count: int) -> list[int]:
    kind = OrganizationKind.SELF_ORGANIZATION
    return [
        organizations.save_organization(db, Organization(kind=kind, name=f"兴趣小组{n}")).id
        for n in range(count)
    ]


def shrink_since_last_upload(
    db: Database, office: StreetOffice, *, with_organizations: int = 0
) -> None:
    """24 needs (and ``with_organizations`` organizations) go up as version 1; then all but 3
    of each go to the trash: the next upload is refused until the secretary confirms."""
    need_ids = add_needs(db, 24)
    organization_ids = add_organizations(db, with_organizations)
    office.configure()
    client.sync_once(office.data_dir)
    assert office.version() == 1
    needs.delete_needs(db, need_ids[3:])
    organizations.delete_organizations(db, organization_ids[3:])
    office.calls.clear()
    office.outcomes.clear()
