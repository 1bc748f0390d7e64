"""Run the command line: ``python -m helpers``."""

import sys

from .cli import main

sys.exit(main())
