"""Two-letter country codes (ISO 3166-1 alpha-2) for the catalog's ``origin:`` filter.

A show file names its country in words ("South Korea"; TVmaze's import writes
the ISO short name, "Korea, Republic of"), while people filtering a list type
the code they know from elsewhere (``origin:KR``). This maps the codes of the
countries that most television comes from to the words of their names, in
the spellings show files use. A code not listed here still matches a country
whose name has a word starting with it, as any other filter word does.
"""

from __future__ import annotations

from showguide.core.textfold import fold

#: Code -> the names a show file may give that country (folded when compared).
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "ar": ("Argentina",),
    "at": ("Austria",),
    "au": ("Australia",),
    "be": ("Belgium",),
    "br": ("Brazil",),
    "ca": ("Canada",),
    "ch": ("Switzerland",),
    "cl": ("Chile",),
    "cn": ("China",),
    "co": ("Colombia",),
    "cz": ("Czech Republic", "Czechia"),
    "de": ("Germany",),
    "dk": ("Denmark",),
    "eg": ("Egypt",),
    "es": ("Spain",),
    "fi": ("Finland",),
    "fr": ("France",),
    "gb": ("United Kingdom", "Great Britain", "UK"),
    "gr": ("Greece",),
    "hk": ("Hong Kong",),
    "hu": ("Hungary",),
    "id": ("Indonesia",),
    "ie": ("Ireland",),
    "il": ("Israel",),
    "in": ("India",),
    "is": ("Iceland",),
    "it": ("Italy",),
    "jp": ("Japan",),
    "kp": ("North Korea", "Korea, Democratic People's Republic of"),
    "kr": ("South Korea", "Korea, Republic of", "Republic of Korea", "Korea"),
    "mx": ("Mexico",),
    "my": ("Malaysia",),
    "ng": ("Nigeria",),
    "nl": ("Netherlands",),
    "no": ("Norway",),
    "nz": ("New Zealand",),
    "ph": ("Philippines",),
    "pl": ("Poland",),
    "pt": ("Portugal",),
    "ru": ("Russia", "Russian Federation"),
    "se": ("Sweden",),
    "sg": ("Singapore",),
    "th": ("Thailand",),
    "tr": ("Turkey", "Türkiye"),
    "tw": ("Taiwan",),
    "ua": ("Ukraine",),
    "us": ("United States", "United States of America", "USA"),
    "vn": ("Vietnam", "Viet Nam"),
    "za": ("South Africa",),
}
COUNTRY_NAMES["uk"] = COUNTRY_NAMES["gb"]  # what people type for the United Kingdom

_CODE_OF: dict[str, str] = {
    fold(name): code for code, names in COUNTRY_NAMES.items() if code != "uk" for name in names
}


def country_code(name: str | None) -> str | None:
    """The two-letter code (lower case) of the country called ``name``, when it is listed."""
    if not name:
        return None
    return _CODE_OF.get(fold(name).strip())
