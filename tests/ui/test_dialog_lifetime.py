"""A closed form is freed without crashing the app.

A form whose child widget held the form itself (a bound method as a callback) made a reference
cycle; PySide crashed when the garbage collector freed it (a segfault after 新建 in 项目清单
twice, each cancelled). The forms run in a child process: a crash must fail the test, not end
the test run.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.domain.partners import PartnerActivity, PartnerActivityKind
from desktop.store.database import open_database
from desktop.ui.context import AppContext, open_settings
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.dialogs.partner_activity import ActivityDialog
from desktop.ui.dialogs.project import ProjectDialog
from desktop.ui.events import AppEvents
folder = Path(tempfile.mkdtemp())
db = open_database(folder)
ctx = AppContext(db=db, events=AppEvents(), data_dir=folder, settings=open_settings(folder),
                 font_families=[], lang="zh_CN")
forms = {
    "project": lambda: ProjectDialog(ctx),
    "activity": lambda: ActivityDialog(
        ctx, PartnerActivity(organization_id=1, kind=PartnerActivityKind.PAIRING)
    ),
    "meeting": lambda: MeetingDialog(ctx),
}
for name, make in forms.items():
    for _ in range(2):
        form = make()
        form.reject()
        del form
        gc.collect()
    print(name, "freed", flush=True)
db.close()
"""


def test_closed_forms_with_link_lists_are_freed_without_a_crash() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["project", "freed", "activity", "freed", "meeting", "freed"]
