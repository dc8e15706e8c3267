"""``python -m desktop``: the same entry point as the ``shuren`` script."""

import desktop.app

raise SystemExit(desktop.app.main())
