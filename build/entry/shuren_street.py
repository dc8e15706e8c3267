"""The street office's bundled receiver: serve, add-branch, list, report (no Qt)."""

import sys

from desktop.sync.receiver.cli import main

sys.exit(main())
