"""Words shown for partner units and the 三个一 quota."""

from desktop.domain.labels import quota_text, word
from desktop.domain.partners import PartnerActivityKind, QuotaGap, QuotaState
from desktop.ui.i18n import translate

# Colour backs the word up, never replaces it (docs/ui.md): green met, red missing, blue open.
STATE_COLOURS = {
    QuotaState.MET: ("#1e7b34", "#e6f4ea"),
    QuotaState.MISSING: ("#a31515", "#fde8e8"),
    QuotaState.OPEN: ("#1a5fb4", "#e8f0fb"),
    QuotaState.NOT_YET_DUE: ("#666666", "#f2f2f2"),
    QuotaState.NOT_PAIRED: ("#666666", "#f2f2f2"),
}


partner_type_label = word
activity_kind_label = word
quota_state_label = quota_text


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
