"""The guide in a browser: ``showguide serve`` on textual-serve (an optional extra).

Nothing here is imported unless ``showguide serve`` runs; the terminal app
never pays for aiohttp.
"""
