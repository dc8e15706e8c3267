"""When to try again: the same schedule for the app's timer and ``shuren sync``."""

SUCCESS_INTERVAL = 30 * 60  # seconds between automatic syncs while all is well
FIRST_RETRY = 60
MAX_RETRY = 60 * 60


def retry_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` failed attempts in a row (0: after a success)."""
    if failures <= 0:
        return SUCCESS_INTERVAL
    return min(FIRST_RETRY * 2 ** (failures - 1), MAX_RETRY)
