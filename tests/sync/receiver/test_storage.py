"""Storage without HTTP: a crash after the rename but before the answer."""

import pytest

from desktop.sync.protocol import UploadState
from desktop.sync.receiver.storage import Storage
from desktop.sync.receiver.storage.registry import Registry

from .wire import make_db, prepare


def test_finish_after_a_crash_between_rename_and_registry_answers_that_version(
    tmp_path, monkeypatch
):
    storage = Storage(tmp_path / "street")
    branch_id = storage.add_branch("一支部").branch_id
    db = make_db(tmp_path / "b.sqlite3")
    prepared = prepare(db)
    upload_id = prepared.request.upload_id
    storage.create_upload(branch_id, prepared.request)
    storage.put_chunk(branch_id, upload_id, 0, prepared.payload)

    def crash(*_args: object) -> None:
        raise RuntimeError("power cut")

    with monkeypatch.context() as patch:
        patch.setattr(Registry, "record_upload", crash)
        with pytest.raises(RuntimeError):
            storage.finish_upload(branch_id, upload_id)
    # The new file is current, but neither the registry nor the upload know it yet.
    assert storage.current_version(branch_id) == 1
    assert storage.upload_status(branch_id, upload_id).state is UploadState.OPEN
    assert [b.bytes_total for b in storage.branches()] == [0]

    status = storage.finish_upload(branch_id, upload_id)
    assert (status.state, status.version) == (UploadState.DONE, 1)
    record = storage.branch(branch_id)
    assert record is not None
    assert (record.version, record.bytes_total) == (1, len(prepared.payload))
    assert record.last_upload_at is not None
    current = storage.current_path(branch_id)
    assert current is not None
    assert current.read_bytes() == db.read_bytes()
