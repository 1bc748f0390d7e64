"""Run every benchmark in turn (``make bench``); each writes its JSON to ``benchmarks/results/``.

Accuracy benchmarks take a few minutes each (``events.py`` on all GVA articles about an hour);
``performance.py`` about half an hour on 2 cores.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "re3d_entities.py",
    "actors.py",
    "geoparsing.py",
    "casualties.py",
    "case_normalisation_muc4.py",
    "near_duplicates_gva.py",
    "events.py",
    "events_wikievents.py",
    "events_case2021.py",
    "events_world.py",
    "events_muc4.py",
    "performance.py",
]

if __name__ == "__main__":
    failed = [
        script for script in SCRIPTS if subprocess.run([sys.executable, str(HERE / script)]).returncode != 0
    ]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    sys.exit(1 if failed else 0)
