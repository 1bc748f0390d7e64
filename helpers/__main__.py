"""Run the command line: ``python -m helpers``."""

import sys

from helpers.cli import main

sys.exit(main())
