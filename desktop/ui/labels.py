"""Words shown for the domain's enums."""

from desktop.domain.needs import NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
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
