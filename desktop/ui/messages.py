"""Sentences shown to the secretary for domain problems and errors (translated via Qt)."""

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def problem_text(problem: Problem) -> str:
    texts = {
        Problem.REQUIRED: _t("This field is required."),
        Problem.TOO_LONG: _t("This is too long; please shorten it."),
        Problem.PHONE_FORMAT: _t(
            "Enter an 11-digit mobile number or a landline such as 0755-12345678."
        ),
        Problem.UNKNOWN_BUILDING: _t("This building is not in the list; choose another."),
        Problem.TERM_ORDER: _t("The end of the term must come after its start."),
        Problem.DUPLICATE_NAME: _t("This name is already used; choose another."),
    }
    return texts[problem]


def unexpected_error_text() -> str:
    return _t(
        "Something went wrong and the action was not completed. Your saved records are safe. "
        "Please try again; if it happens again, tell the street office and send them the log "
        "file from the data folder."
    )
