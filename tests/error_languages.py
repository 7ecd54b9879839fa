"""One check for the tests that pin an error in English and in French (issue #12):
the same action, raised under each UI language, says its sentence in that language."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from vaworkspace.errors import VaError
from vaworkspace.i18n import use_language


def assert_speaks_each_language(
    action: Callable[[], object],
    english: str,
    french: str,
    french_locales: Iterable[str] = ("fr_CA",),
) -> None:
    """`english` in the message under the default (English) UI, then `french` under
    each of `french_locales` (Québec and France share these sentences)."""
    with pytest.raises(VaError) as raised:
        action()
    assert english in str(raised.value)
    for locale in french_locales:
        use_language(locale)
        with pytest.raises(VaError) as raised:
            action()
        assert french in str(raised.value)
