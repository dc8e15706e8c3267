"""楼栋与自组织: the building-leader federation, self-organizations, 暖蜂驿站 rest stations and
talented residents, as tabs."""

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.pages.federation_groups import SelfOrganizationsTab, StationsTab
from desktop.ui.pages.federation_leaders import LeadersTab
from desktop.ui.pages.federation_talents import TalentsTab


class FederationPage(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaders = LeadersTab(ctx)
        self.self_organizations = SelfOrganizationsTab(ctx)
        self.stations = StationsTab(ctx)
        self.talents = TalentsTab(ctx)
        self.addTab(self.leaders, translate("FederationPage", "Building leaders"))
        self.addTab(self.self_organizations, translate("FederationPage", "Self-organizations"))
        self.addTab(self.stations, translate("FederationPage", "Rest stations"))
        self.addTab(self.talents, translate("FederationPage", "Talented residents"))
        # The uses of the four rights are derived when the talents are looked at.
        self.currentChanged.connect(self._tab_shown)

    def open_record(self, patrol_id: int) -> None:
        """Follow a link (e.g. from a need that came from a patrol) to a joint patrol."""
        self.setCurrentWidget(self.leaders)
        self.leaders.open_patrol(patrol_id)

    def _tab_shown(self, index: int) -> None:
        if self.widget(index) is self.talents:
            self.talents.refresh_uses()
