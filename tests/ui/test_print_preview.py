"""“另存为 PDF” in the print preview: the whole file, with the user's usual file mode."""

import io
import os

import pytest

import desktop.shared_files as shared
from desktop.documents import write_signin_sheet
from desktop.store.datadir import private_new_files
from desktop.ui.print_preview import PrintPreview
from tests.documents.conftest import HOOD, sample_meeting


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_saved_pdf_gets_the_usual_mode_not_the_data_folders(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(shared, "_user_umask", None)
    os.umask(0o022)
    private_new_files()  # as at start: the data folder's new files are private
    stream = io.BytesIO()
    write_signin_sheet(sample_meeting(), HOOD, stream)
    preview = PrintPreview("签到表", stream.getvalue())
    qtbot.addWidget(preview)
    target = tmp_path / "签到表.pdf"
    preview.save_to(target)
    assert target.read_bytes() == preview.pdf
    assert target.stat().st_mode & 0o777 == 0o644
