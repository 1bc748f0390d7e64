"""nbval configuration for the notebooks: quiet progress bars, a fixed plotting backend.

The kernel that nbval starts inherits this environment.
"""

import os

os.environ["SITREP_PROGRESS"] = "0"
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
os.environ.setdefault("PYTHONHASHSEED", "0")
