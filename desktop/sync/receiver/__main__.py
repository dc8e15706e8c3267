"""`python -m desktop.sync.receiver …` runs the same as `shuren-street …`."""

import sys

from desktop.sync.receiver.cli import main

sys.exit(main())
