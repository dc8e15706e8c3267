"""The bundled app's entry point: the window, or a subcommand (shuren demo, check, …)."""

import sys

from desktop.app import main

sys.exit(main())
