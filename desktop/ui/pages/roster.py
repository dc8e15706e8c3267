"""人员与组织: people, organizations, and the neighborhood's grids and buildings, as tabs."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.ui.pages.neighborhood import NeighborhoodPage
from desktop.ui.pages.organizations import OrganizationsPage
from desktop.ui.pages.people import PeoplePage
from desktop.ui.pages.tabs import TabsPage


class RosterPage(TabsPage):
    people: PeoplePage
    organizations: OrganizationsPage
    neighborhood: NeighborhoodPage
    context = "RosterPage"
    tabs = (
        ("people", PeoplePage, QT_TRANSLATE_NOOP("RosterPage", "Residents")),
        ("organizations", OrganizationsPage, QT_TRANSLATE_NOOP("RosterPage", "Organizations")),
        (
            "neighborhood",
            NeighborhoodPage,
            QT_TRANSLATE_NOOP("RosterPage", "Neighborhood and buildings"),
        ),
    )
