"""人员与组织: people, organizations, and the neighborhood's grids and buildings, as tabs."""

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.pages.neighborhood import NeighborhoodPage
from desktop.ui.pages.organizations import OrganizationsPage
from desktop.ui.pages.people import PeoplePage


class RosterPage(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = PeoplePage(ctx)
        self.organizations = OrganizationsPage(ctx)
        self.neighborhood = NeighborhoodPage(ctx)
        self.addTab(self.people, translate("RosterPage", "Residents"))
        self.addTab(self.organizations, translate("RosterPage", "Organizations"))
        self.addTab(self.neighborhood, translate("RosterPage", "Neighborhood and buildings"))
