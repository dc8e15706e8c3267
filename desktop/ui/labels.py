"""Words shown for the domain's enums: the domain's one Chinese word for each value
(desktop.domain.labels), under the names the lists and forms call."""

from desktop.domain.labels import word
from desktop.domain.meetings import Participant

role_label = word
right_label = word
organization_kind_label = word
need_source_label = word
urgency_label = word
need_status_label = word
satisfaction_label = word
resource_kind_label = word
provider_kind_label = word
project_kind_label = word
project_stage_label = word
party_role_label = word
visit_kind_label = word
referral_label = word
meeting_kind_label = word
participant_role_label = word
attendance_label = word
action_status_label = word


def participant_roles_label(participant: Participant) -> str:
    """Every role of a participant: 楼栋长、业主委员会."""
    return "、".join(word(r) for r in participant.roles)
