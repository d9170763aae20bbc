"""Starts the program from a source checkout: `python main.py [COMMAND ...]`, like `caravan-app`."""

import sys

from caravan_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
