"""Words shown for partner units and the 三个一 quota."""

from desktop.domain.partners import PartnerActivityKind, PartnerType, QuotaGap, QuotaState
from desktop.ui.i18n import translate

# Colour backs the word up, never replaces it (docs/ui.md): green met, red missing, blue open.
STATE_COLOURS = {
    QuotaState.MET: ("#1e7b34", "#e6f4ea"),
    QuotaState.MISSING: ("#a31515", "#fde8e8"),
    QuotaState.OPEN: ("#1a5fb4", "#e8f0fb"),
    QuotaState.NOT_YET_DUE: ("#666666", "#f2f2f2"),
    QuotaState.NOT_PAIRED: ("#666666", "#f2f2f2"),
}


def partner_type_label(kind: PartnerType) -> str:
    return {
        PartnerType.AGENCY: translate("PartnerLabels", "Agency"),
        PartnerType.ENTERPRISE: translate("PartnerLabels", "Enterprise"),
        PartnerType.SCHOOL: translate("PartnerLabels", "School"),
    }[kind]


def activity_kind_label(kind: PartnerActivityKind) -> str:
    return {
        PartnerActivityKind.PAIRING: translate("PartnerLabels", "Pairing activity"),
        PartnerActivityKind.PRACTICAL_SERVICE: translate("PartnerLabels", "Practical service"),
        PartnerActivityKind.DISPUTE_MEDIATION: translate("PartnerLabels", "Dispute mediation"),
    }[kind]


def quota_state_label(state: QuotaState, count: int = 0) -> str:
    """“✓ 2 次”, “缺”, “进行中”, “未到期”, “未结对”."""
    return {
        QuotaState.MET: translate("PartnerLabels", "✓ {count}").format(count=count),
        QuotaState.MISSING: translate("PartnerLabels", "Missing"),
        QuotaState.OPEN: translate("PartnerLabels", "Open"),
        QuotaState.NOT_YET_DUE: translate("PartnerLabels", "Not yet due"),
        QuotaState.NOT_PAIRED: translate("PartnerLabels", "Not paired yet"),
    }[state]


def gap_text(gap: QuotaGap) -> str:
    """The home page's line: “XX单位本季度尚无结对活动（本季度还剩 12 天）”."""
    texts = {
        PartnerActivityKind.PAIRING: translate(
            "PartnerLabels",
            "{name}: no pairing activity yet this quarter ({days} days left in the quarter)",
        ),
        PartnerActivityKind.PRACTICAL_SERVICE: translate(
            "PartnerLabels",
            "{name}: no practical service yet this quarter ({days} days left in the quarter)",
        ),
        PartnerActivityKind.DISPUTE_MEDIATION: translate(
            "PartnerLabels",
            "{name}: no dispute mediation yet this year ({days} days left in the year)",
        ),
    }
    return texts[gap.kind].format(name=gap.name, days=gap.days_left)
