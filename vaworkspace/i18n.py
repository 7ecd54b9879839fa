"""The words of the UI in the user's language: `_()` and `ngettext()` over gettext
catalogs (`vaworkspace/locale/`).

A message is written in English in the code (the msgid *is* the English text), so
a string without a translation falls back to English, never to a key. French reads
`locale/fr/LC_MESSAGES/messages.mo`; a region (`fr_CA`, `fr_FR`) reads its own
small catalog first, for the words where Québec and France differ, then `fr`.

English costs nothing: until `use_language()` is given a language we translate
to, `_()` returns its argument and `gettext` is never imported, so `va list`
keeps its import budget. The language is chosen once per process (the CLI from
the config and the environment, before it builds its parser; the TUI from its
workspace's config); `language()` tells presentation code which one it is.

Strings that are evaluated at import (Textual `BINDINGS`, tables of labels) are
marked with `N_()`, which only lets the extractor find them, and translated with
`_()` where they are shown.

Catalog upkeep (Babel, configured in pyproject.toml; tests/test_catalogs.py fails
when one of these was forgotten):

    pybabel extract -F pyproject.toml --no-location --sort-output --width 100 \
        -o vaworkspace/locale/messages.pot .
    pybabel update -i vaworkspace/locale/messages.pot -d vaworkspace/locale -l fr \
        --no-fuzzy-matching --width 100
    pybabel compile -d vaworkspace/locale

Imports nothing of ours: every layer may use it.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from gettext import NullTranslations

LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
DOMAIN = "messages"

_language = "en"
_catalog: NullTranslations | None = None


def use_language(language: str) -> None:
    """Speak `language` (a locale id as `config.language` resolves it: `fr_CA`, `fr`,
    `en`) from now on in this process."""
    global _language, _catalog
    _language = language
    base = language.split("_")[0].lower()
    if base == "en" or not os.path.isdir(os.path.join(LOCALE_DIR, base)):
        _catalog = None
        return
    import gettext

    # Most specific first: `fr_CA` then `fr`; gettext chains them as fallbacks.
    _catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language, base], fallback=True)


def language() -> str:
    """The locale id in use (`en` until `use_language` says otherwise)."""
    return _language


def _(message: str) -> str:
    """`message` (English) in the language in use (an empty message stays empty:
    gettext would answer the catalog's header)."""
    return message if _catalog is None or not message else _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` (`1 task`, `2 tasks`; French counts 0 and 1 as singular)."""
    if _catalog is None:
        return singular if count == 1 else plural
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` where the same English word needs another translation in
    `context` (a client's `ID` is a code, a task's a number)."""
    return message if _catalog is None or not message else _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it (it is evaluated at import,
    before the language is known): translate it with `_()` where it is shown."""
    return message
