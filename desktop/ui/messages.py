"""Sentences shown to the secretary for domain problems and errors (translated via Qt)."""

from desktop.domain.errors import Problem
from desktop.domain.meetings import Contradiction, Inconsistency
from desktop.domain.phone import PhoneDoubt, normalize_phone
from desktop.store.errors import StorageProblem, storage_problem
from desktop.ui.i18n import translate


def problem_text(problem: Problem) -> str:
    texts = {
        Problem.REQUIRED: translate("Messages", "This field is required."),
        Problem.TOO_LONG: translate("Messages", "This is too long; please shorten it."),
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
        Problem.DUPLICATE_PERSON: translate(
            "Messages",
            "The same person is listed twice. Keep one row per person and tick all their "
            "roles in it.",
        ),
    }
    return texts[problem]


def contradiction_text(found: Inconsistency) -> str:
    """What makes the minutes contradict themselves, in a sentence that says what to do."""
    texts = {
        Contradiction.DUPLICATE_PERSON: translate(
            "Messages",
            '"{name}" is listed in more than one row. Keep one row per person and tick all '
            "their roles in it.",
        ),
        Contradiction.HOST_NOT_PRESENT: translate(
            "Messages",
            'The host "{name}" is listed as excused or absent. Correct this before the minutes '
            "are finalized.",
        ),
        Contradiction.RECORDER_NOT_PRESENT: translate(
            "Messages",
            'The recorder "{name}" is listed as excused or absent. Correct this before the '
            "minutes are finalized.",
        ),
    }
    return texts[found.contradiction].format(name=found.name)


def phone_doubt_text(doubt: PhoneDoubt, value: str) -> str:
    """A warning under a phone field, short enough for one line: the number may be right."""
    if doubt is PhoneDoubt.MOBILE_LENGTH:
        return translate(
            "Messages", "A mobile number has 11 digits, this one {count}: please check."
        ).format(count=len(normalize_phone(value)))
    if doubt is PhoneDoubt.NO_AREA_CODE:
        return translate("Messages", "Add the area code to a landline, e.g. 0755-26881234.")
    return translate("Messages", "Not like a mobile or a landline: please check.")


def storage_error_text(error: BaseException) -> str | None:
    """The sentence for a disk or data-file error (full, read-only, I/O, damaged), or None."""
    problem = storage_problem(error)
    texts = {
        StorageProblem.FULL: translate(
            "Messages",
            "The disk is full, so this could not be completed. Records saved before are safe. "
            "Free some disk space, then try again.",
        ),
        StorageProblem.IO: translate(
            "Messages",
            "The disk could not be read or written, so this could not be completed. Records "
            "saved before are safe. Check that the disk or USB drive is still connected, then "
            "try again.",
        ),
        StorageProblem.NO_ACCESS: translate(
            "Messages",
            "A file or folder could not be written: it is read-only or you have no permission. "
            "Records saved before are safe. Check the folder, or choose one you can write to.",
        ),
        StorageProblem.BUSY: translate(
            "Messages",
            "The data file is in use by another program, so this could not be completed. Close "
            "that program (or the other Shuren Xiaoqu window), then try again.",
        ),
        StorageProblem.DAMAGED: translate(
            "Messages",
            'The data file is damaged. Copies of it are in the "backups" folder of the data '
            "folder; ask the street office for help restoring one.",
        ),
    }
    return texts.get(problem) if problem is not None else None


def unexpected_error_text(error: BaseException | None = None) -> str:
    """What to say when an action failed: the disk's trouble when that was the cause."""
    told = storage_error_text(error) if error is not None else None
    if told is not None:
        return told
    return translate(
        "Messages",
        "Something went wrong and the action was not completed. Your saved records are safe. "
        "Please try again; if it happens again, tell the street office and send them the log "
        "file from the data folder.",
    )
