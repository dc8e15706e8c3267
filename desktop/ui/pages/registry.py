"""The main window's pages, one declaration each: the navigation, the lazy building, the
window's handle (``window.needs``), where a link to a record goes and the F1 section of the
guide all follow from ``PAGES``. A new page is one more ``PageSpec`` here."""

from collections.abc import Callable
from dataclasses import dataclass

from desktop.domain.kinds import RecordKind
from desktop.ui.i18n import translate


@dataclass(frozen=True)
class PageSpec:
    # The page's key: ``window.page(name)``, and the name an F1 mark of the guide gives it.
    name: str
    # The navigation's label. A function: translated when the window is built, after the
    # language is installed (the literal inside is what pyside6-lupdate finds).
    label: Callable[[], str]
    icon: str  # resources/icons/<icon>.svg
    # "module:Class" in desktop.ui.pages, imported when the page is first shown or asked for,
    # so start-up pays for the home page only. Built as Class(ctx, *window_args).
    build: str
    opens: tuple[RecordKind, ...] = ()  # links to records of these kinds open on this page
    # Further constructor arguments: the window's attributes of these names.
    window_args: tuple[str, ...] = ()
    # The window's attribute for the page (``window.sync_page``); the name when not given.
    attribute: str = ""

    @property
    def handle(self) -> str:
        return self.attribute or self.name


# In the navigation's order, top to bottom; the first is shown at start.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", lambda: translate("MainWindow", "Home"), "home", "home:HomePage"),
    PageSpec(
        "needs",
        lambda: translate("MainWindow", "Needs"),
        "needs",
        "needs:NeedsPage",
        opens=(RecordKind.NEED,),
    ),
    PageSpec(
        "resources",
        lambda: translate("MainWindow", "Resources"),
        "resources",
        "resources:ResourcesPage",
        opens=(RecordKind.RESOURCE,),
    ),
    PageSpec(
        "projects",
        lambda: translate("MainWindow", "Projects"),
        "projects",
        "projects:ProjectsPage",
        opens=(RecordKind.PROJECT,),
    ),
    PageSpec(
        "visits",
        lambda: translate("MainWindow", "Visits"),
        "visits",
        "visits:VisitsPage",
        opens=(RecordKind.VISIT,),
    ),
    PageSpec(
        "meetings",
        lambda: translate("MainWindow", "Meetings"),
        "meetings",
        "meetings:MeetingsPage",
        opens=(RecordKind.MEETING,),
    ),
    PageSpec(
        "compacts",
        lambda: translate("MainWindow", "Compacts"),
        "compacts",
        "compacts:CompactsPage",
        opens=(RecordKind.COMPACT,),
    ),
    PageSpec(
        "partners",
        lambda: translate("MainWindow", "Partner units"),
        "partners",
        "partners:PartnersPage",
        opens=(RecordKind.PARTNER_UNIT,),
    ),
    PageSpec(
        "committee",
        lambda: translate("MainWindow", "Committee and property company"),
        "committee",
        "committee:CommitteePage",
        opens=(RecordKind.COMMITTEE_TERM,),
    ),
    PageSpec(
        "roster",
        lambda: translate("MainWindow", "People and organizations"),
        "roster",
        "roster:RosterPage",
    ),
    PageSpec(
        "federation",
        lambda: translate("MainWindow", "Buildings and self-organizations"),
        "federation",
        "federation:FederationPage",
        opens=(RecordKind.PATROL,),
    ),
    PageSpec(
        "statistics",
        lambda: translate("MainWindow", "Statistics"),
        "statistics",
        "statistics:StatisticsPage",
    ),
    PageSpec(
        "sync",
        lambda: translate("MainWindow", "Sync"),
        "sync",
        "sync:SyncPage",
        window_args=("sync_scheduler",),
        attribute="sync_page",
    ),
    PageSpec("trash", lambda: translate("MainWindow", "Trash"), "trash", "trash:TrashPage"),
    PageSpec(
        "settings",
        lambda: translate("MainWindow", "Settings"),
        "settings",
        "settings:SettingsPage",
        attribute="settings_page",
    ),
)


def page_opening(kind: RecordKind) -> PageSpec | None:
    """The page a link to a record of ``kind`` opens on; None when no page opens it."""
    return next((spec for spec in PAGES if kind in spec.opens), None)
