"""楼栋与自组织: the building-leader federation, self-organizations, 暖蜂驿站 rest stations and
talented residents, as tabs."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.federation_groups import SelfOrganizationsTab, StationsTab
from desktop.ui.pages.federation_leaders import LeadersTab
from desktop.ui.pages.federation_talents import TalentsTab
from desktop.ui.pages.tabs import TabsPage


class FederationPage(TabsPage):
    leaders: LeadersTab
    self_organizations: SelfOrganizationsTab
    stations: StationsTab
    talents: TalentsTab
    context = "FederationPage"
    tabs = (
        ("leaders", LeadersTab, QT_TRANSLATE_NOOP("FederationPage", "Building leaders")),
        (
            "self_organizations",
            SelfOrganizationsTab,
            QT_TRANSLATE_NOOP("FederationPage", "Self-organizations"),
        ),
        ("stations", StationsTab, QT_TRANSLATE_NOOP("FederationPage", "Rest stations")),
        ("talents", TalentsTab, QT_TRANSLATE_NOOP("FederationPage", "Talented residents")),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # The uses of the four rights are derived when the talents are looked at.
        self.currentChanged.connect(self._tab_shown)

    def open_record(self, patrol_id: int) -> None:
        """Follow a link (e.g. from a need that came from a patrol) to a joint patrol."""
        self.setCurrentWidget(self.leaders)
        self.leaders.open_patrol(patrol_id)

    def _tab_shown(self, index: int) -> None:
        if self.widget(index) is self.talents:
            self.talents.refresh_uses()
