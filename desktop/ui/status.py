"""Status shown as coloured labels (docs/ui.md): waiting grey, in progress blue, done green,
overdue red. The word is always there too; colour is never the only signal."""

from enum import Enum

from PySide6.QtGui import QColor

from desktop.domain.needs import NeedStatus
from desktop.domain.projects import ProjectStage


class Tone(Enum):
    WAITING = ("#e6e6e6", "#333333")
    IN_PROGRESS = ("#d7e7fb", "#0b4f9c")
    DONE = ("#d9f0dd", "#1e6b2e")
    OVERDUE = ("#fbdada", "#a31515")
    CLOSED = ("#f0f0f0", "#666666")

    @property
    def background(self) -> QColor:
        return QColor(self.value[0])

    @property
    def foreground(self) -> QColor:
        return QColor(self.value[1])


def need_tone(status: NeedStatus, overdue: bool) -> Tone:
    if overdue:
        return Tone.OVERDUE
    return {
        NeedStatus.PENDING: Tone.WAITING,
        NeedStatus.IN_PROGRESS: Tone.IN_PROGRESS,
        NeedStatus.RESOLVED: Tone.DONE,
        NeedStatus.REFERRED: Tone.DONE,
        NeedStatus.REJECTED: Tone.CLOSED,
    }[status]


def stage_tone(stage: ProjectStage) -> Tone:
    return {
        ProjectStage.PROPOSED: Tone.WAITING,
        ProjectStage.IN_PROGRESS: Tone.IN_PROGRESS,
        ProjectStage.AWAITING_ACCEPTANCE: Tone.IN_PROGRESS,
        ProjectStage.COMPLETED: Tone.DONE,
        ProjectStage.TERMINATED: Tone.CLOSED,
    }[stage]
