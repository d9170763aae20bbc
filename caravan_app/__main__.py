"""`python -m caravan_app` is the same as the `caravan-app` command."""

import sys

from caravan_app.cli import main

sys.exit(main())
