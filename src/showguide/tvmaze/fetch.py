"""The requests that make a guide: search by name, then one show with everything."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from showguide.tvmaze import shapes
from showguide.tvmaze.client import Client

#: Asked for in one request; any TVmaze leaves out is fetched on its own.
EMBEDS = ("cast", "episodes", "seasons", "akas")


def search(client: Client, query: str) -> list[shapes.SearchResult]:
    return client.get("/search/shows", list[shapes.SearchResult], {"q": query})


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def clear_match(query: str, results: list[shapes.SearchResult]) -> shapes.Show | None:
    """The one show meant: the only result, or the only one named exactly as asked."""
    if len(results) == 1:
        return results[0].show
    exact = [r.show for r in results if _folded(r.show.name) == _folded(query)]
    return exact[0] if len(exact) == 1 else None


def fetch_show(
    client: Client, tvmaze_id: int, step: Callable[[str], None] | None = None
) -> shapes.FullShow:
    def say(text: str) -> None:
        if step is not None:
            step(text)

    say(f"fetching show {tvmaze_id} from TVmaze")
    params = [("embed[]", name) for name in EMBEDS]
    show = client.get(f"/shows/{tvmaze_id}", shapes.Show, params)
    embedded = show.embedded or shapes.Embedded()
    cast = embedded.cast
    if cast is None:
        say("fetching the cast")
        cast = client.get(f"/shows/{tvmaze_id}/cast", list[shapes.CastCredit])
    episodes = embedded.episodes
    if episodes is None:
        say("fetching the episodes")
        episodes = client.get(f"/shows/{tvmaze_id}/episodes", list[shapes.Episode])
    seasons = embedded.seasons
    if seasons is None:
        say("fetching the seasons")
        seasons = client.get(f"/shows/{tvmaze_id}/seasons", list[shapes.Season])
    akas = embedded.akas
    if akas is None:
        say("fetching other titles")
        akas = client.get(f"/shows/{tvmaze_id}/akas", list[shapes.Aka])
    return shapes.FullShow(show=show, cast=cast, episodes=episodes, seasons=seasons, akas=akas)
