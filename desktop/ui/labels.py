"""Words shown for the domain's enums."""

from desktop.domain.dates import format_date
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


__all__ = ["format_date", "organization_kind_label", "right_label", "role_label"]
