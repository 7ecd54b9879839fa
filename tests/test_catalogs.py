"""The gettext catalogs: every message translated into French, the template
extracted from today's source, and the compiled `.mo` (shipped in the wheel, so
`pip install .` needs no compile step) built from today's `.po`."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import vaworkspace
from vaworkspace import i18n

PACKAGE = Path(vaworkspace.__file__).parent
LOCALE = PACKAGE / "locale"
FRENCH_PO = LOCALE / "fr" / "LC_MESSAGES" / "messages.po"
FRENCH_MO = LOCALE / "fr" / "LC_MESSAGES" / "messages.mo"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/messages.po"))
HOW = "run the pybabel commands in vaworkspace/i18n.py's docstring"


def _read(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _ids(catalog) -> set:
    return {
        message.id if isinstance(message.id, str) else tuple(message.id)
        for message in catalog
        if message.id
    }


def _source_ids() -> set:
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")]
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_the_template_holds_exactly_the_messages_of_the_source() -> None:
    template = _ids(_read(LOCALE / "messages.pot"))
    source = _source_ids()
    assert sorted(map(str, source - template)) == [], f"new messages not extracted: {HOW}"
    assert sorted(map(str, template - source)) == [], f"messages gone from the source: {HOW}"


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel's extractor reads an f-string as one string: a `_()` inside it is
    never extracted, so never translated, and no other test would notice."""
    hidden = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\{(_|N_|ngettext)\(", line)
    ]
    assert hidden == []


def test_every_message_has_a_french_translation() -> None:
    french = _read(FRENCH_PO, "fr")
    assert _ids(french) == _ids(_read(LOCALE / "messages.pot")), f"fr catalog not updated: {HOW}"
    untranslated = [
        message.id
        for message in french
        if message.id
        and (message.fuzzy or not all(message.string if message.pluralizable else [message.string]))
    ]
    assert untranslated == []


def test_french_keeps_every_placeholder() -> None:
    """`{count} tasks` must not become `{nombre} tâches`: Babel's checkers compare
    the placeholders of each translation with its message's."""
    problems = [(message.id, errors) for message, errors in _read(FRENCH_PO, "fr").check()]
    assert problems == []
    for message in _read(FRENCH_PO, "fr"):
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = {_fields(each) for each in ids}
        assert all(_fields(each) in wanted for each in strings), message.id


def _fields(text: str) -> frozenset:
    from string import Formatter

    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)


@pytest.mark.parametrize("po", CATALOGS, ids=[path.parts[-3] for path in CATALOGS])
def test_the_compiled_catalog_is_the_po_compiled(po: Path) -> None:
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = _read(po, po.parts[-3])
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            assert compiled.ngettext(singular, plural, 1) == message.string[0], f"stale .mo: {HOW}"
            assert compiled.ngettext(singular, plural, 2) == message.string[1], f"stale .mo: {HOW}"
        else:
            found = (
                compiled.pgettext(message.context, message.id)
                if message.context
                else compiled.gettext(message.id)
            )
            assert found == message.string, f"stale .mo: {HOW}"
    assert len(compiled._catalog) - 1 == sum(  # the header, then one entry per form
        len(m.string) if m.pluralizable else 1 for m in catalog if m.id
    ), f"stale .mo: {HOW}"


def test_a_regional_catalog_holds_only_translated_messages_of_the_template() -> None:
    """fr_CA says only what differs from fr: an empty entry would hide the French one."""
    template = _ids(_read(LOCALE / "messages.pot"))
    for po in CATALOGS:
        if po != FRENCH_PO:
            catalog = _read(po, po.parts[-3])
            assert _ids(catalog) <= template, po
            assert all(all(m.string) if m.pluralizable else m.string for m in catalog if m.id), po


def test_a_missing_translation_falls_back_to_english() -> None:
    i18n.use_language("fr_CA")
    assert i18n._("Help") == "Aide"  # fr_CA reads the fr catalog
    pitch = "A terminal workspace for virtual assistants juggling several clients."
    assert "adjointes virtuelles" in i18n._(pitch)  # ... after its own
    i18n.use_language("fr_FR")
    assert "assistantes virtuelles" in i18n._(pitch)
    assert i18n._("A sentence no catalog holds") == "A sentence no catalog holds"
    assert i18n._("") == ""  # not the catalog's header
    i18n.use_language("en")
    assert i18n._("Help") == "Help"


def test_french_counts_zero_and_one_as_singular() -> None:
    with FRENCH_MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert [compiled.plural(count) for count in (0, 1, 2, 1000)] == [0, 0, 1, 1]
    one = "1 skipped task still needs sorting: they come back next time"
    other = "{count} skipped tasks still need sorting: they come back next time"
    tail = " (o: your own work, no client)."
    i18n.use_language("fr")
    for count, start in ((0, "0 tâche passée reste"), (1, "1 tâche passée reste")):
        assert i18n.ngettext(one + tail, other + tail, count).format(count=count).startswith(start)
    assert i18n.ngettext(one + tail, other + tail, 2).startswith("{count} tâches passées restent")
    i18n.use_language("en")
    assert i18n.ngettext(one + tail, other + tail, 0).startswith("{count} skipped tasks")
