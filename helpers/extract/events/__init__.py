"""Event reports: each incident an article reports, coded with ACLED's columns.

The method is explained in :mod:`helpers.extract.events.reports`; the vocabulary
(ACLED's types, actor codes, period phrases) is loaded by :mod:`helpers.knowledge.event_types`.
"""

from helpers.extract.events.reports import event_reports

__all__ = ["event_reports"]
