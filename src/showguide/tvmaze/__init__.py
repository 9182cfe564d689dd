"""Guides from TVmaze (https://www.tvmaze.com): the only part of showguide that
touches the network, and only when ``showguide import`` asks it to.

- :mod:`.client`: the HTTP client (httpx), a careful one: timeouts, a size cap,
  bounded retries that honour Retry-After; every failure is a :class:`TvmazeError`.
- :mod:`.shapes`: the JSON TVmaze sends, as lenient typed structs.
- :mod:`.htmltext`: TVmaze's HTML summaries as plain text.
- :mod:`.mapping`: the one place where TVmaze's fields become show-file fields.
- :mod:`.emit`: a new guide's YAML text, with placeholders for what the user writes.
- :mod:`.update`: ``--update``: a three-way merge into the user's file that keeps
  their comments, key order and every part they wrote or edited.
"""
