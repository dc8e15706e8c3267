"""A believable Shenzhen neighborhood for trying the app, deterministic for a seed.

``make_demo`` fills an empty database; ``create_demo`` makes a whole data dir, all or nothing.
One module per part of the neighborhood, each drawing from the seed in a fixed order.
"""

from desktop.services.demo.driver import DEFAULT_SCALE, MAX_SCALE, DemoExistsError, make_demo
from desktop.services.demo.folder import DEMO_FOLDER_PREFIX, create_demo

__all__ = [
    "DEFAULT_SCALE",
    "DEMO_FOLDER_PREFIX",
    "MAX_SCALE",
    "DemoExistsError",
    "create_demo",
    "make_demo",
]
