"""Page furniture that the words at a paragraph's start do not tell: menus, notices of the page, and
the writer's profile and contact lines.

Scraped pages keep their menus ("Alerts | Email Alerts | Facebook | Twitter"), their notices ("Close
Get email notifications on Jo Roe daily!") and, after the story, a note on its writer ("Jo Roe is a
Tribune-Review staff writer. Reach her at 412-555-0100 or jroe@example.com."). They tell nothing of
the news, and the names in them are the page's or the writer's: read as the story's persons, a
writer's name links every story the writer filed. The words are ``boilerplate_lines.csv``'s kinds
"phrase", "writer" and "contact" (:func:`helpers.ingest.cue_patterns.cue_patterns`).
"""

from __future__ import annotations

import re

from helpers.ingest.cue_patterns import cue_patterns

#: Longest paragraph of furniture, in words.
MAX_FURNITURE_WORDS = 40
#: Fewest items of a menu line, and most words of each.
MENU_ITEMS, MENU_ITEM_WORDS = 3, 4
#: Paragraphs at an article's end where a writer's profile may stand without a contact.
PROFILE_LAST_PARAGRAPHS = 3
#: A way to reach someone: an e-mail address, a social-media handle or a telephone number.
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w{2,}|(?<!\d)(?:\(?\d{3}\)?[ .-]?)?\d{3}[ .-]\d{4}(?!\d)"
)


def furniture_note(chunk: str, paragraphs_after: int) -> str:
    """Why a paragraph is page furniture, or "" when it is not.

    Args:
        chunk: The paragraph's text.
        paragraphs_after: How many paragraphs of the article follow it.

    >>> furniture_note("Alerts | Email Alerts | Facebook | Twitter", 5)
    'menu line'
    >>> furniture_note("| Province | Killed | Wounded |", 5)  # a Markdown table's row
    ''
    >>> furniture_note("Close Get email notifications on Jo Roe daily!", 5)
    'notice of the page'
    >>> profile = "Jo Roe is a Tribune staff writer."
    >>> furniture_note(profile, 0), furniture_note(profile, 9)
    ("writer's profile", '')
    >>> furniture_note("Jo Roe is a staff writer. Reach her at 412-555-0100.", 9)
    "writer's profile"
    >>> furniture_note("Contact Jo Roe at jroe@example.com or @joroe.", 9)
    'contact line'
    >>> furniture_note("Contact with the gunmen was lost at 5 p.m., police said.", 9)
    ''
    """
    if len(chunk.split()) > MAX_FURNITURE_WORDS:
        return ""
    patterns = cue_patterns()
    if "|" in chunk and _is_menu(chunk):
        return "menu line"
    if patterns.page_notice.search(chunk):
        return "notice of the page"
    profile = patterns.writer_profile.match(chunk)
    if not (profile or patterns.contact_start.match(chunk)):  # the contact search only when needed
        return ""
    contact = bool(_CONTACT.search(chunk))
    if profile and (contact or paragraphs_after < PROFILE_LAST_PARAGRAPHS):
        return "writer's profile"
    return "contact line" if contact and not profile else ""


def _is_menu(chunk: str) -> bool:
    """Three short items or more between bars, not a Markdown table's row (which a bar opens).

    >>> _is_menu("FREE APPS | NOW | FACEBOOK | TWITTER"), _is_menu("Two killed | WBTV Charlotte")
    (True, False)
    """
    line = chunk.strip()
    if line.startswith("|") or line.endswith("|"):
        return False
    items = line.split("|")
    return len(items) >= MENU_ITEMS and all(
        0 < len(item.split()) <= MENU_ITEM_WORDS and any(c.isalpha() for c in item) for item in items
    )
