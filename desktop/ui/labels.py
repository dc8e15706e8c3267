"""Words shown for the domain's enums."""

from desktop.domain.meetings import (
    ActionStatus,
    Attendance,
    MeetingKind,
    Participant,
    ParticipantRole,
)
from desktop.domain.needs import NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
from desktop.domain.visits import ReferralTarget, VisitKind
from desktop.ui.i18n import translate


def role_label(role: PersonRole) -> str:
    return {
        PersonRole.BUILDING_LEADER: translate("Labels", "Building leader"),
        PersonRole.TALENT: translate("Labels", "Talented resident"),
        PersonRole.OWNERS_COMMITTEE_MEMBER: translate("Labels", "Owners' committee member"),
        PersonRole.SELF_ORGANIZATION_MEMBER: translate("Labels", "Self-organization member"),
        PersonRole.VOLUNTEER: translate("Labels", "Volunteer"),
    }[role]


def right_label(right: TalentRight) -> str:
    return {
        TalentRight.DELIBERATION: translate("Labels", "Deliberation"),
        TalentRight.SUGGESTION: translate("Labels", "Suggestion"),
        TalentRight.SUPERVISION: translate("Labels", "Supervision"),
        TalentRight.EVALUATION: translate("Labels", "Evaluation"),
    }[right]


def organization_kind_label(kind: OrganizationKind) -> str:
    return {
        OrganizationKind.PROPERTY_COMPANY: translate("Labels", "Property company"),
        OrganizationKind.OWNERS_COMMITTEE: translate("Labels", "Owners' committee"),
        OrganizationKind.SELF_ORGANIZATION: translate("Labels", "Self-organization"),
        OrganizationKind.PARTNER_UNIT: translate("Labels", "Partner unit"),
    }[kind]


def need_source_label(source: NeedSource) -> str:
    return {
        NeedSource.RECEPTION_DAY: translate("Labels", "Reception day"),
        NeedSource.DOOR_KNOCKING: translate("Labels", "Door-knocking"),
        NeedSource.DELIBERATION_MEETING: translate("Labels", "Deliberation meeting"),
        NeedSource.BUILDING_PATROL: translate("Labels", "Building leader patrol"),
        NeedSource.OTHER: translate("Labels", "Other"),
    }[source]


def urgency_label(urgency: Urgency) -> str:
    return {
        Urgency.NORMAL: translate("Labels", "Normal"),
        Urgency.URGENT: translate("Labels", "Urgent"),
        Urgency.CRITICAL: translate("Labels", "Critical"),
    }[urgency]


def need_status_label(status: NeedStatus) -> str:
    return {
        NeedStatus.PENDING: translate("Labels", "Pending"),
        NeedStatus.IN_PROGRESS: translate("Labels", "In progress"),
        NeedStatus.RESOLVED: translate("Labels", "Resolved"),
        NeedStatus.REFERRED: translate("Labels", "Referred"),
        NeedStatus.REJECTED: translate("Labels", "Not accepted"),
    }[status]


def satisfaction_label(value: Satisfaction) -> str:
    return {
        Satisfaction.SATISFIED: translate("Labels", "Satisfied"),
        Satisfaction.BASICALLY_SATISFIED: translate("Labels", "Basically satisfied"),
        Satisfaction.DISSATISFIED: translate("Labels", "Dissatisfied"),
    }[value]


def resource_kind_label(kind: ResourceKind) -> str:
    return {
        ResourceKind.VENUE: translate("Labels", "Venue"),
        ResourceKind.FUNDS: translate("Labels", "Funds"),
        ResourceKind.SKILL: translate("Labels", "Skill"),
        ResourceKind.GOODS: translate("Labels", "Goods"),
        ResourceKind.VOLUNTEER_SERVICE: translate("Labels", "Volunteer service"),
        ResourceKind.OTHER: translate("Labels", "Other"),
    }[kind]


def provider_kind_label(kind: ProviderKind) -> str:
    return {
        ProviderKind.PARTNER_UNIT: translate("Labels", "Partner unit"),
        ProviderKind.TALENT: translate("Labels", "Talented resident"),
        ProviderKind.SELF_ORGANIZATION: translate("Labels", "Self-organization"),
        ProviderKind.PROPERTY_COMPANY: translate("Labels", "Property company"),
        ProviderKind.OTHER: translate("Labels", "Other"),
    }[kind]


def project_kind_label(kind: ProjectKind) -> str:
    return {
        ProjectKind.LIVELIHOOD_MICRO: translate("Labels", "Livelihood micro-project"),
        ProjectKind.PARTNERSHIP: translate("Labels", "Partnership project"),
        ProjectKind.SELF_GOVERNANCE: translate("Labels", "Self-governance project"),
        ProjectKind.OTHER: translate("Labels", "Other"),
    }[kind]


def project_stage_label(stage: ProjectStage) -> str:
    return {
        ProjectStage.PROPOSED: translate("Labels", "Proposed"),
        ProjectStage.IN_PROGRESS: translate("Labels", "Under way"),
        ProjectStage.AWAITING_ACCEPTANCE: translate("Labels", "Awaiting acceptance"),
        ProjectStage.COMPLETED: translate("Labels", "Completed"),
        ProjectStage.TERMINATED: translate("Labels", "Terminated"),
    }[stage]


def party_role_label(role: PartyRole) -> str:
    return {
        PartyRole.INITIATOR: translate("Labels", "Initiator"),
        PartyRole.ORGANIZER: translate("Labels", "Organizer"),
        PartyRole.IMPLEMENTER: translate("Labels", "Implementer"),
    }[role]


def visit_kind_label(kind: VisitKind) -> str:
    return {
        VisitKind.RECEPTION_DAY: translate("Labels", "Reception day"),
        VisitKind.DOOR_KNOCKING: translate("Labels", "Door-knocking"),
    }[kind]


def referral_label(target: ReferralTarget) -> str:
    return {
        ReferralTarget.COMMUNITY: translate("Labels", "Community"),
        ReferralTarget.PROPERTY_COMPANY: translate("Labels", "Property company"),
        ReferralTarget.OWNERS_COMMITTEE: translate("Labels", "Owners' committee"),
        ReferralTarget.STREET_DEPARTMENT: translate("Labels", "Street office department"),
        ReferralTarget.OTHER: translate("Labels", "Other"),
    }[target]


def meeting_kind_label(kind: MeetingKind) -> str:
    return {
        MeetingKind.DELIBERATION: translate("Labels", "Deliberation meeting"),
        MeetingKind.BUILDING_LEADERS: translate("Labels", "Monthly building leaders' meeting"),
        MeetingKind.BRANCH: translate("Labels", "Branch meeting"),
    }[kind]


def participant_role_label(role: ParticipantRole) -> str:
    return {
        ParticipantRole.BRANCH: translate("Labels", "Party branch"),
        ParticipantRole.OWNERS_COMMITTEE: translate("Labels", "Owners' committee"),
        ParticipantRole.PROPERTY_COMPANY: translate("Labels", "Property company"),
        ParticipantRole.BUILDING_LEADER: translate("Labels", "Building leader"),
        ParticipantRole.TALENT: translate("Labels", "Talented resident"),
        ParticipantRole.RESIDENT_REPRESENTATIVE: translate("Labels", "Resident representative"),
        ParticipantRole.PARTNER_UNIT: translate("Labels", "Partner unit"),
    }[role]


def participant_roles_label(participant: Participant) -> str:
    """Every role of a participant: 楼栋长、业委会."""
    return "、".join(participant_role_label(r) for r in participant.roles)


def attendance_label(value: Attendance) -> str:
    return {
        Attendance.PRESENT: translate("Labels", "Present"),
        Attendance.EXCUSED: translate("Labels", "Excused"),
        Attendance.ABSENT: translate("Labels", "Absent"),
        Attendance.UNKNOWN: translate("Labels", "Not recorded"),
    }[value]


def action_status_label(status: ActionStatus) -> str:
    return {
        ActionStatus.OPEN: translate("Labels", "Not started"),
        ActionStatus.IN_PROGRESS: translate("Labels", "In progress"),
        ActionStatus.DONE: translate("Labels", "Done"),
    }[status]
