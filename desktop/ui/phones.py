"""Phone numbers on screen: masked in every list and details pane (138****5678; a landline
keeps its area code, 0755-********), as on the notice board. A details pane offers
“显示完整号码” beside a masked number; clicked, the pane shows that one record's numbers whole
until it shows another record, and ``AppEvents.phone_revealed`` names the record. Forms (where
she corrects a number), the Excel ledgers, the minutes print and the command line keep the
numbers whole."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QUrl

from desktop.domain.masking import mask_phone
from desktop.ui.events import AppEvents
from desktop.ui.i18n import translate

REVEAL_LINK = "reveal:"  # the details pane's link: show this record's numbers whole

# Whether the details pane being laid out shows its record's phones whole (set by PhoneReveal).
_shown: ContextVar[bool] = ContextVar("phones_shown", default=False)


def masked_phone(phone: str) -> str:
    """A phone as a list shows it: 138****5678, 0755-********; short text unchanged."""
    return mask_phone(phone) if phone.strip() else ""


@dataclass(frozen=True)
class Phone:
    """A phone number among a details pane's lines (``details_table``): masked, with
    “显示完整号码” beside it, unless the pane shows its record's numbers whole."""

    number: str

    def __bool__(self) -> bool:
        return bool(self.number.strip())

    def html(self, *, inline: bool = False) -> str:
        """The number's HTML; the link under it (a narrow pane would break the link's words)
        or, ``inline``, beside it."""
        masked = masked_phone(self.number)
        if _shown.get() or masked == self.number:
            return escape(self.number)
        link = translate("Phones", "Show full number")
        between = "&nbsp;&nbsp;" if inline else "<br>"
        return f"{escape(masked)}{between}<a href='{REVEAL_LINK}'>{escape(link)}</a>"


@contextmanager
def _showing(shown: bool) -> Iterator[None]:
    token = _shown.set(shown)
    try:
        yield
    finally:
        _shown.reset(token)


class PhoneReveal:
    """Which one record a details pane shows with its phones whole: the one whose
    “显示完整号码” was clicked, until the pane shows another record (or none)."""

    def __init__(self, events: AppEvents) -> None:
        self._events = events
        self._record: tuple[str, int] | None = None  # (RecordKind.value, id)

    def render(self, kind: str, record_id: int, html: Callable[[], str]) -> str:
        """The pane's HTML for one record, laid out by ``html``: its phones whole only while
        it is the record revealed. Laying out another record masks again."""
        if self._record != (kind, record_id):
            self._record = None
        with _showing(self._record is not None):
            return html()

    def forget(self) -> None:
        """The pane shows no single record: a number shown whole is masked again."""
        self._record = None

    def reveal(self, kind: str, record_id: int) -> None:
        """Show this record's phones whole (the caller lays out its pane again)."""
        self._record = (kind, record_id)
        self._events.phone_revealed.emit(kind, record_id)

    @staticmethod
    def is_reveal_link(link: QUrl | str) -> bool:
        """Whether a pane's link (a text browser's QUrl, a label's text) is “显示完整号码”."""
        return (link.toString() if isinstance(link, QUrl) else link) == REVEAL_LINK
