"""Article metadata that does not come from the text: the outlet of a site name or a URL.

The registrable domain of a URL ("bbc.co.uk" for "https://www.bbc.co.uk/news/…")
comes from the ``tld`` package, which ships Mozilla's Public Suffix List, so no
network is needed; a Wayback Machine address is read as the address it archived.
"""

from __future__ import annotations

import re

from tld import get_fld

#: A Wayback Machine capture: ``https://web.archive.org/web/<timestamp>[flags]/<archived URL>``.
_ARCHIVED = re.compile(r"^(?:https?://)?web\.archive\.org/web/\d+[a-z_]*/(?P<url>.+)$", re.IGNORECASE)


def outlet_from_url(url: str) -> str:
    """The outlet of an article's URL: its registrable domain, lower case ("" if none).

    Args:
        url: The article's address.

    Returns:
        The domain that names the outlet.

    >>> outlet_from_url("http://web.archive.org/web/20151030223013/http://www.wral.com/news/1/")
    'wral.com'
    >>> outlet_from_url("https://www.bbc.co.uk/news/world-1"), outlet_from_url("not a url")
    ('bbc.co.uk', '')
    """
    url = url.strip()
    if archived := _ARCHIVED.match(url):
        url = archived.group("url")
    if url and "://" not in url:
        url = f"http://{url}"
    return (get_fld(url, fail_silently=True) or "").lower()


def outlet_from_site(site: str) -> str:
    """The outlet a page names as its site ("Kurdistan24"), white space tidied.

    >>> outlet_from_site("  Kurdistan 24 ")
    'Kurdistan 24'
    """
    return " ".join(site.split())
