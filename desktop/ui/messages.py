"""Sentences shown to the secretary for domain problems and errors (translated via Qt)."""

from desktop.domain.errors import Problem
from desktop.ui.i18n import translate


def problem_text(problem: Problem) -> str:
    texts = {
        Problem.REQUIRED: translate("Messages", "This field is required."),
        Problem.TOO_LONG: translate("Messages", "This is too long; please shorten it."),
        Problem.PHONE_FORMAT: translate(
            "Messages", "Enter an 11-digit mobile number or a landline such as 0755-12345678."
        ),
        Problem.UNKNOWN_BUILDING: translate(
            "Messages", "This building is not in the list; choose another."
        ),
        Problem.TERM_ORDER: translate("Messages", "The end of the term must come after its start."),
        Problem.DUPLICATE_NAME: translate("Messages", "This name is already used; choose another."),
        Problem.REASON_REQUIRED: translate("Messages", "Please give the reason."),
        Problem.DATE_ORDER: translate(
            "Messages", "This date cannot be earlier than the one above."
        ),
        Problem.STATUS_FLOW: translate(
            "Messages", "The status cannot go there from where it is now."
        ),
        Problem.NEGATIVE_AMOUNT: translate("Messages", "Enter an amount of 0 or more, in yuan."),
        Problem.RATING_RANGE: translate("Messages", "Ratings go from 1 to 5."),
        Problem.PERIOD_FORMAT: translate(
            "Messages", "Write a quarter such as 2026Q3 or a year such as 2026."
        ),
        Problem.DISPUTE_CATEGORY: translate(
            "Messages",
            'Only a need of the category "Property services" can be marked as a property '
            "dispute; choose that category or clear the mark.",
        ),
    }
    return texts[problem]


def unexpected_error_text() -> str:
    return translate(
        "Messages",
        "Something went wrong and the action was not completed. Your saved records are safe. "
        "Please try again; if it happens again, tell the street office and send them the log "
        "file from the data folder.",
    )
