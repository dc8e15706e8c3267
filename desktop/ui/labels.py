"""Words shown for the domain's enums."""

from PySide6.QtCore import QCoreApplication

from desktop.domain.dates import format_date
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_label(role: PersonRole) -> str:
    return {
        PersonRole.BUILDING_LEADER: _t("Building leader"),
        PersonRole.TALENT: _t("Talented resident"),
        PersonRole.OWNERS_COMMITTEE_MEMBER: _t("Owners' committee member"),
        PersonRole.SELF_ORGANIZATION_MEMBER: _t("Self-organization member"),
        PersonRole.VOLUNTEER: _t("Volunteer"),
    }[role]


def right_label(right: TalentRight) -> str:
    return {
        TalentRight.DELIBERATION: _t("Deliberation"),
        TalentRight.SUGGESTION: _t("Suggestion"),
        TalentRight.SUPERVISION: _t("Supervision"),
        TalentRight.EVALUATION: _t("Evaluation"),
    }[right]


def organization_kind_label(kind: OrganizationKind) -> str:
    return {
        OrganizationKind.PROPERTY_COMPANY: _t("Property company"),
        OrganizationKind.OWNERS_COMMITTEE: _t("Owners' committee"),
        OrganizationKind.SELF_ORGANIZATION: _t("Self-organization"),
        OrganizationKind.PARTNER_UNIT: _t("Partner unit"),
    }[kind]

__all__ = ["format_date", "organization_kind_label", "right_label", "role_label"]
