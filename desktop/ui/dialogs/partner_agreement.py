"""Record or edit a partner unit's agreement (共建协议): signed date, term, content."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.partners import Agreement, clean_agreement, validate_agreement
from desktop.services import partners
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import OptionalDate, date_edit


class AgreementDialog(RecordDialog):
    validate = validate_agreement
    save_record = partners.save_agreement

    titles = Titles(
        "AgreementDialog",
        QT_TRANSLATE_NOOP("AgreementDialog", "New agreement"),
        QT_TRANSLATE_NOOP("AgreementDialog", "Edit agreement"),
    )
    starts_in = "content"

    def build(self) -> None:
        agreement = self.record
        self.signed_on = date_edit(agreement.signed_on)
        self.term_start = OptionalDate(agreement.term_start, translate("AgreementDialog", "Set"))
        self.term_end = OptionalDate(agreement.term_end, translate("AgreementDialog", "Set"))
        self.content = text_box(agreement.content, 120)
        self.content.setPlaceholderText(
            translate("AgreementDialog", "What the two sides agreed to do together")
        )
        self.add_field("signed_on", translate("AgreementDialog", "Signed on"), self.signed_on, True)
        self.add_field("term_start", translate("AgreementDialog", "Term starts"), self.term_start)
        self.add_field(
            "term_end", translate("AgreementDialog", "Term ends"), self.term_end, checked=True
        )
        self.add_field("content", translate("AgreementDialog", "Content"), self.content, True)

    def current(self) -> Agreement:
        return clean_agreement(self.edited_rows())
