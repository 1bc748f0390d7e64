"""Interactive tables on the pages Sitrep writes itself (findings, profiles, evidence, lists).

Those pages are written as plain escaped HTML tables (:func:`helpers.views.page.html_table`),
readable without any script. :func:`write_table_script` writes one local script into the
report folder, ``assets/tables.js``, that turns each of them into a DataTables table with
the same options as the notebook reports (:data:`helpers.views.interactive.OPTIONS`):
sorting, a search box, a filter per column, "showing 1–10 of 10 rows", pages of 25 rows
for long tables (tables of fewer than :data:`SMALL_TABLE` rows are only sortable).

The DataTables bundle is the one itables ships for offline use, embedded in the script
(nothing is loaded from the network) and loaded the way itables loads it in a notebook (a
module from a ``blob:`` URL), which also works on pages opened from disk. One shared
script, not one copy per page: a report has up to 500 evidence pages, and the bundle is
about 1 MB.

DataTables reads the rows from the page, so links and escaping stay as written, and the
order the page gives (most mentioned first, deadliest first) is kept until a header is
clicked.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from itables import options as itables_options

from helpers.views.interactive import OPTIONS

#: The script's path inside a report folder.
TABLE_SCRIPT = "assets/tables.js"
#: The class :func:`helpers.views.page.html_table` gives the tables the script enhances.
TABLE_CLASS = "sitrep-table"
#: Tables with fewer rows than this are only sortable (a search box would be clutter).
SMALL_TABLE = 5
#: The DataTables options (https://datatables.net/reference/option/) of :data:`OPTIONS` that
#: apply to a table read from the page (the others configure itables' own rendering).
_DATATABLES_KEYS = ("pageLength", "lengthMenu", "columnControl", "language")

_SCRIPT = """// Sitrep: interactive report tables, offline (DataTables, bundled by itables).
(function () {
  const style = document.createElement("style");
  style.textContent = atob("%(css)s");
  document.head.appendChild(style);
  const source = new Blob([atob("%(js)s")], { type: "application/javascript" });
  const url = URL.createObjectURL(source);
  const loaded = import(url);
  const options = %(options)s;
  function enhance(module) {
    URL.revokeObjectURL(url);
    const DataTable = module.default;
    document.querySelectorAll("table.%(table_class)s").forEach(function (table) {
      const rows = table.tBodies.length ? table.tBodies[0].rows.length : 0;
      const long = rows > options.pageLength;
      const small = rows < %(small)d;  // sorting is enough: no search box, filters or count
      new DataTable(table, Object.assign({}, options, {
        order: [], paging: long, lengthChange: long,
        searching: !small, info: !small, columnControl: small ? [] : options.columnControl,
      }));
    });
  }
  function start() { loaded.then(enhance); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
"""

#: Extra style: wide tables scroll inside their container (not the page).
_STYLE = " .dt-container { overflow-x: auto; }"


def table_script() -> str:
    """The text of ``assets/tables.js``: the DataTables bundle, its style and the enhancer.

    >>> script = table_script()
    >>> '"order"' in script, "http" in script.split("(function")[1].split("atob")[0]
    (False, False)
    """
    bundle = Path(itables_options.dt_bundle)
    css = bundle.with_suffix(".css").read_text(encoding="utf-8") + OPTIONS["css"] + _STYLE
    options = {key: OPTIONS[key] for key in _DATATABLES_KEYS}
    return _SCRIPT % {
        "css": _base64(css),
        "js": _base64(bundle.read_text(encoding="utf-8")),
        "options": json.dumps(options),
        "table_class": TABLE_CLASS,
        "small": SMALL_TABLE,
    }


def write_table_script(report_dir: Path) -> Path:
    """Write :func:`table_script` to ``report_dir/assets/tables.js``; return its path."""
    path = report_dir / TABLE_SCRIPT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table_script(), encoding="utf-8")
    return path


def _base64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")
