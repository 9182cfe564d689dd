"""The starter show file that ``showguide new`` writes.

Every value in it is a placeholder that already validates, so an author starts
from a file that loads and can check each change with ``showguide validate``.
Comments explain each field; optional fields that have no sensible placeholder
are shown commented out. The schema modeline points at ``show.schema.json``
beside the file (see :data:`showguide.core.export.SCHEMA_MODELINE`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

from showguide.core.export import SCHEMA_HINT, SCHEMA_MODELINE, yaml_scalar

#: Ids are at most 80 characters; keep room for the "-abc123" suffix.
_MAX_SLUG = 60


class StarterError(ValueError):
    """The title cannot make a show file; the message says why."""


def show_id_for(title: str) -> tuple[str, bool]:
    """An id made from ``title``, and whether part of it had to be invented.

    Latin letters lose their accents ("Café" -> "cafe"). Letters with no ASCII
    spelling (Hangul, kana, Cyrillic...) cannot be kept; a short code made
    from the whole title stands in for them, so different titles still get
    different ids.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:_MAX_SLUG].strip("-")
    lost = any(char.isalnum() and not char.isascii() for char in decomposed)
    if slug and not lost:
        return slug, False
    code = hashlib.sha256(title.encode("utf-8")).hexdigest()[:6]
    return (f"{slug}-{code}" if slug else f"show-{code}"), True


_INVENTED_ID_NOTE: Final = (
    "# The title has letters with no ASCII spelling, so part of this id is a\n"
    "# code made from it. Change it to a name that is easy to type.\n"
)

_TEMPLATE: Final = """\
{modeline}
{hint}
#
# A starter show file for showguide. Every value below is a placeholder that
# already validates: replace each one with what you know, delete the optional
# parts you do not need, and check the file with: showguide validate FILE
#
# Text that starts with a character YAML treats specially, such as
# : # [ ] {{ }} & * ! | > ' " % @ or a backtick, needs quotes around it.
# Long text can follow ">-" on lines of its own, as the synopsis does.

# The version of the show-file format. This showguide reads version 1.
format_version: 1
# The short name used on the command line (showguide print ID):
# lower-case letters, digits and hyphens.
{id_note}id: {id}
title: {title}
# The title in its original script, and how it is written in Latin letters.
# native_title: Original title
# romanized_title: Romanized title
# series or film
format: series
# network: The network or streaming service
# year: 2025
# premiere_date: 2025-01-31   # the first day it airs, as YYYY-MM-DD
# end_date: 2026-03-20       # the day the last episode aired, once it has ended
# announced, upcoming, airing or ended
status: announced
genres:
  - Drama
tags:
  - replace-me
country: Replace with the country the show comes from
original_language: Replace with the language it is made in

# Who the show suits, and what to know before watching.
audience:
  summary: Replace with who the show suits.
  advisories:
    - Replace with a content advisory, or delete this list
  # Official age ratings, one per country:
  # ratings:
  #   - country: KR      # two capital letters (ISO 3166)
  #     system: KMRB     # the rating board
  #     rating: "15"     # in quotes, so that it stays text

# One sentence that makes someone want to watch, without spoilers.
logline: Replace with one sentence about the show.

plot:
  # What the story is about. By convention the synopsis has no spoilers.
  synopsis: >-
    Replace with a few sentences about the story, without spoilers.
  setting: Replace with where and when the story takes place.
  themes:
    - Replace with a theme
  # Story threads may spoil. Mark those "spoiler: true" and showguide hides
  # them until the reader asks to see spoilers.
  threads:
    - id: main-story
      title: Replace with the name of a story thread
      description: Replace with what happens in it.
      spoiler: false

# Tiers: lead, supporting, recurring or guest. A group gathers characters
# (say, rivals); "ensemble: true" marks one entry that stands for several
# unnamed people.
characters:
  - id: main-character
    name: Replace with the character's name
    # native_name: The name in its original script
    tier: lead
    # group: rivals
    ensemble: false
    description: Replace with who the character is.
    # Where this comes from: ids from `sources` below. With one source, a
    # block that names none comes from it.
    # sources: [main-source]
    # Until the actor is public, say exactly "not yet announced"; when your
    # source says the role is cast but not by whom, "not named by the
    # source". Once the actor is known, replace the line with:
    #   actor:
    #     name: The actor's name
    #     native_name: The name in its original script
    actor: not yet announced
    # A dancer who performs the hardest dancing for this character, written
    # like the actor; leave it out if there is none.
    # dance_double: not yet announced
    spoiler: false

# Categories: dance, visuals, costume, sets, music, culture, cast, story or
# production.
highlights:
  - id: first-highlight
    title: Replace with something that stands out
    category: story
    description: Replace with why it stands out.
    spoiler: false

# Questions a viewer might ask, each with its answer.
faq:
  - id: first-question
    question: Replace with a question a viewer might ask?
    answer: Replace with the answer.
    tags:
      - replace-me
    spoiler: false

# Seasons and episodes, in the order they are watched. Season numbers are
# unique in the show, episode numbers in their season. An episode's summary
# stays hidden until the viewer has watched it ("showguide watched ID S1E1").
# Any thread, character, highlight or question that gives away an episode
# can say so with "reveals: S1E4" (S01E04 works too): it stays hidden until
# that episode has been watched. A film has no seasons: delete them, and
# give "runtime: 125" (minutes) and "released: 2025-01-31" instead; there
# "reveals: true" means the same as "spoiler: true".
seasons:
  - number: 1
    # title: The season's own name, if it has one
    episodes:
      - number: 1
        title: Replace with the first episode's title
        # aired: 2025-01-31    # as YYYY-MM-DD
        # runtime: 60          # minutes
        # summary: What happens in it.

# The guide's overall opinion, in a sentence or two.
verdict: Replace with your verdict.

# Where the facts above come from. Kinds: article, review, press-release,
# official-site, interview, encyclopedia, database or other. Blocks above
# (and `attribution` below) name a source by its id.
sources:
  - id: main-source
    title: Replace with the name of a source
    kind: article
    # publisher: Who published it
    # url: https://example.com/the-article   # only http(s) links are opened
    # published: 2025-01-31
    # retrieved: 2025-02-01   # the day you read it
    # licence: CC BY-SA 4.0   # the terms its text may be reused under
    # note: What this source says, or what it leaves out.

# The day these facts were true as far as you know. An "announced" or
# "upcoming" show whose date has passed is then shown as out of date.
# as_of: 2025-02-01

# The sources of the title, logline, verdict and status:
# attribution:
#   title: [main-source]
#   logline: [main-source]
#   verdict: []   # your own opinion
#   status: [main-source]

# When later records overtake a source (a preview written before release),
# say so here; the summary is shown first on the Overview.
# source_check:
#   summary: What the reader must know about the sources, in a sentence.
#   findings:
#     - id: first-finding
#       topic: Release date
#       claimed: What the source claimed.
#       claimed_by: [main-source]
#       record: What the record says.
#       sources: [another-source]
"""


def starter_show(title: str) -> str:
    """The text of a starter show file for a show called ``title``."""
    title = title.strip()
    if not title:
        raise StarterError("the title must not be empty")
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise StarterError("the title is not valid text (it is not UTF-8)") from None
    show_id, invented = show_id_for(title)
    return _TEMPLATE.format(
        modeline=SCHEMA_MODELINE,
        hint=SCHEMA_HINT,
        id_note=_INVENTED_ID_NOTE if invented else "",
        id=yaml_scalar(show_id),
        title=yaml_scalar(title),
    )
