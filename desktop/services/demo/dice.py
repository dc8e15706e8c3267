"""The demo's random draws: one seeded generator for everything, cheap enough for millions of
draws, and the few things drawn from it everywhere (uuids, days, times of day)."""

import random
from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from itertools import accumulate

# Day offsets used over and over: one timedelta each instead of a new one per record.
DAYS = tuple(timedelta(days=n) for n in range(4 * 366))


class Weights:
    """Keys to draw in proportion to their weights (``Dice.weighted``)."""

    def __init__(self, weights: dict) -> None:
        self.keys = tuple(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]


class Dice(random.Random):
    """random.Random with cheaper draws: the demo makes millions of them at 100,000 records
    per list, and a demo needs no perfectly unbiased integers."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def weighted(self, weights: "Weights"):
        return weights.keys[bisect_right(weights.cumulative, self.random() * weights.total)]


def random_uuid(rng: random.Random) -> str:
    """A version 4 uuid from the seeded generator (uuid.UUID(int=…, version=4), quicker)."""
    h = f"{rng.getrandbits(128) & _UUID_CLEAR | _UUID_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))  # version and variant bits
_UUID_SET = (4 << 76) | (0x8000 << 48)


def shenzhen_time(day: date, minute: int) -> datetime:
    """A time on a working day in Shenzhen (UTC+8), stored as naive UTC."""
    return datetime.combine(day, time()) + timedelta(minutes=minute - 8 * 60)
