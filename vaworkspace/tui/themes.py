"""Theme files: TOML parsed into Textual `Theme` objects, every value checked first.

Textual does not validate theme colours: a bad one crashes at the first refresh,
long after the file was read. So every file is checked here, all problems are
gathered (never raised), and a file with any problem is left out whole: the App
registers only themes that cannot fail, then shows one notification.

Where themes come from, in order (a later theme with the same name wins):

1. the built-in `themes/` folder: `<repo>/themes` in a source checkout, or
   `<site-packages>/vaworkspace/themes` in an installed wheel (pyproject's
   force-include puts it there);
2. the user's `<config dir>/themes/*.toml`.

A file holds the fields of `textual.theme.Theme` (`name`, `primary`, ... `dark`,
`ansi`, `luminosity_spread`, `text_alpha`) and an optional `[variables]` table of
Textual CSS variables. `name` defaults to the file's stem.

Textual is imported only inside the functions, and `check_themes`/`theme_names`
never import `textual.theme` (which pulls in the command palette and widgets),
so `va themes` stays a short-lived command.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vaworkspace.i18n import _

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.theme import Theme

DEFAULT_THEME = "va-dark"

COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
BOOL_KEYS = ("dark", "ansi")
FRACTION_KEYS = ("luminosity_spread", "text_alpha")
KNOWN_KEYS = frozenset(("name", *COLOUR_KEYS, *BOOL_KEYS, *FRACTION_KEYS, "variables"))

# Words of a CSS text style ("b reverse", "not underline"): such a variable value is
# not a colour even when its name does not say "style".
_STYLE_WORDS = frozenset(
    {
        *("none", "not", "bold", "b", "dim", "d", "italic", "i", "underline", "u"),
        *("underline2", "uu", "reverse", "r", "strike", "s", "blink", "blink2", "overline"),
        "o",
    }
)
# Textual accepts these where a colour goes, optionally with an alpha percentage.
_COLOUR_KEYWORDS = frozenset(("auto", "initial", "inherit"))
_PERCENTAGE = re.compile(r"\d+(\.\d+)?%")
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_ANSI_HUES = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")
ANSI_COLOURS = frozenset(
    ("ansi_default", *(f"ansi_{bright}{hue}" for bright in ("", "bright_") for hue in _ANSI_HUES))
)
"""The terminal's own palette, as Textual names it in a theme."""
# Textual's widget CSS uses these two variables in ANSI mode, but only its own
# ansi-* themes define them: an `ansi = true` theme without them stops the App at
# startup (UnresolvedVariableError). Neutral values that read on light or dark.
ANSI_DEFAULT_VARIABLES = {
    "ansi-background": "ansi_bright_black",
    "ansi-foreground": "ansi_bright_white",
}


@dataclass
class ThemeProblem:
    """One thing wrong with one theme file; `key` is None when the whole file is bad."""

    path: str
    key: str | None
    message: str


def builtin_theme_dir() -> Path:
    """The folder of the themes shipped with vaworkspace.

    The wheel layout (`vaworkspace/themes`) is checked first, then the source
    checkout (`<repo>/themes`, which an editable install also sees). When neither
    exists the wheel path is returned, and loading reports it as missing.
    """
    import vaworkspace

    package = Path(vaworkspace.__file__).resolve().parent
    for candidate in (package / "themes", package.parent / "themes"):
        if candidate.is_dir():
            return candidate
    return package / "themes"


def theme_dirs(config_dir: str | None = None) -> list[Path]:
    """Built-in folder first, then the user's `<config dir>/themes` (may not exist)."""
    if config_dir is None:
        from vaworkspace.config import config_dir as default_config_dir

        config_dir = default_config_dir()
    return [builtin_theme_dir(), Path(config_dir) / "themes"]


def load_themes(dirs: list[Path] | None = None) -> tuple[list[Theme], list[ThemeProblem]]:
    """Every valid theme as a Textual `Theme`, and every problem found.

    Never raises for a bad file: it is skipped and described in the problems.
    Register the themes on the App instance (`app.register_theme`), never in
    Textual's global registry.
    """
    from textual.theme import Theme

    fields, problems = _scan(theme_dirs() if dirs is None else dirs)
    return [Theme(**values) for values in fields.values()], problems


def check_themes(dirs: list[Path] | None = None) -> tuple[list[str], list[ThemeProblem]]:
    """Sorted names of the valid themes and the problems, without building `Theme`s.

    For `va themes`: checks exactly what `load_themes` checks; Textual is imported
    only for a colour that is neither hex nor an ANSI name.
    """
    fields, problems = _scan(theme_dirs() if dirs is None else dirs)
    return sorted(fields), problems


def theme_names(dirs: list[Path] | None = None) -> list[str]:
    """Sorted names of the valid themes, built-in and user's."""
    return check_themes(dirs)[0]


def problems_message(problems: Iterable[ThemeProblem], using: str = DEFAULT_THEME) -> str:
    """One notification text naming each file and bad key, ending with the theme in use.

    e.g. "Theme file mine.toml: 'primary' = '#12345' is not a colour; using va-dark".
    Pass `using=` the theme the App actually fell back to or kept.
    """
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        by_file.setdefault(Path(problem.path).name, []).append(problem.message)
    line = _("Theme file {name}: {problems}")
    lines = [line.format(name=name, problems="; ".join(said)) for name, said in by_file.items()]
    if not lines:
        return ""
    if len(lines) == 1:
        return _("{problem}; using {theme}").format(problem=lines[0], theme=using)
    skipped = _("These files were skipped; using {theme}").format(theme=using)
    return "\n".join([*lines, skipped])


def _scan(dirs: list[Path]) -> tuple[dict[str, dict[str, Any]], list[ThemeProblem]]:
    """Theme fields by name (later folders override earlier ones) and all problems."""
    builtin = builtin_theme_dir()
    found: dict[str, dict[str, Any]] = {}
    problems: list[ThemeProblem] = []
    for folder in dirs:
        if not folder.is_dir():
            if folder == builtin:
                message = _(
                    "the built-in themes are missing from {folder}; reinstall vaworkspace"
                ).format(folder=folder)
                problems.append(ThemeProblem(str(folder), None, message))
            continue
        seen_here: dict[str, str] = {}
        # Dot files are editor debris (Emacs locks are `.#name.toml`), never themes.
        for path in sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".")):
            values, file_problems = _read_theme(path)
            name = values.get("name", "")  # text whenever the file has no problem
            if not file_problems and name in seen_here:
                message = _("'name' = {name} is also used by {file} in the same folder").format(
                    name=repr(name), file=seen_here[name]
                )
                file_problems.append(ThemeProblem(str(path), "name", message))
            problems.extend(file_problems)
            if not file_problems:
                seen_here[name] = path.name
                found[name] = values
    return found, problems


def _read_theme(path: Path) -> tuple[dict[str, Any], list[ThemeProblem]]:
    """The `Theme` keyword arguments in one file, or the problems that keep it out."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        said = _("not valid TOML: {error}").format(error=error)
        return {}, [ThemeProblem(str(path), None, said)]
    except UnicodeDecodeError:
        said = _("not valid TOML: the file is not UTF-8")
        return {}, [ThemeProblem(str(path), None, said)]
    except OSError as error:
        said = _("cannot be read: {error}").format(error=error.strerror)
        return {}, [ThemeProblem(str(path), None, said)]
    problems = [ThemeProblem(str(path), key, message) for key, message in _check(data)]
    values = {key: value for key, value in data.items() if key in KNOWN_KEYS}
    values.setdefault("name", path.stem)
    if values.get("ansi") is True and not problems:
        values["variables"] = {**ANSI_DEFAULT_VARIABLES, **values.get("variables", {})}
    return values, problems


def _check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, message) for every unknown key and every value Textual would choke on."""
    problems: list[tuple[str, str]] = []
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            problems.append((key, _unknown_key(key)))
        elif key == "name":
            if not isinstance(value, str) or not value.strip():
                said = _("'name' = {value} must be a non-empty string")
                problems.append((key, said.format(value=repr(value))))
        elif key in COLOUR_KEYS:
            if (message := _colour_problem(value)) is not None:
                problems.append((key, f"{key!r} = {value!r} {message}"))
        elif key in BOOL_KEYS:
            if not isinstance(value, bool):
                said = _("{key} = {value} must be true or false")
                problems.append((key, said.format(key=repr(key), value=repr(value))))
        elif key in FRACTION_KEYS:
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value <= 1
            ):
                said = _("{key} = {value} must be a number from 0 to 1")
                problems.append((key, said.format(key=repr(key), value=repr(value))))
        elif key == "variables":
            problems.extend(_check_variables(value))
    if "primary" not in data:
        missing = _("'primary' is missing; every theme needs a primary colour")
        problems.append(("primary", missing))
    return problems


def _check_variables(table: Any) -> list[tuple[str, str]]:
    if not isinstance(table, dict):
        return [("variables", _("'variables' must be a table of CSS variables"))]
    problems: list[tuple[str, str]] = []
    for name, value in table.items():
        key = f"variables.{name}"
        if not isinstance(value, str):
            said = _("{key} = {value} must be a string")
            problems.append((key, said.format(key=repr(key), value=repr(value))))
        elif _looks_like_colour(name, value) and (message := _variable_problem(value)):
            problems.append((key, f"{key!r} = {value!r} {message}"))
    return problems


def _looks_like_colour(name: str, value: str) -> bool:
    """Text styles ("bold", "b reverse") are the only non-colour variables Textual has."""
    words = value.split()
    return "style" not in name and not (words and _STYLE_WORDS.issuperset(words))


def _variable_problem(value: str) -> str | None:
    """Why a colour variable is invalid: a colour, optionally followed by an alpha %."""
    words = value.split()
    if not words:
        return _("is empty; expected a colour")
    if len(words) > 2 or (len(words) == 2 and not _PERCENTAGE.fullmatch(words[1])):
        return _("is not a colour (expected e.g. '#6ca0dc' or '#6ca0dc 35%')")
    if words[0] in _COLOUR_KEYWORDS:
        return None
    return _colour_problem(words[0])


def _colour_problem(value: Any) -> str | None:
    """None when Textual's own parser accepts the colour, else why not.

    Hex colours and the ANSI names (all the built-in themes use) are known good
    without asking Textual: importing `textual.color` runs Textual's package
    (~0.2 s), which `va themes` would pay for nothing. Anything else is parsed
    by Textual itself; a test holds the shortcut to what Textual accepts."""
    if not isinstance(value, str):
        return _('is not a colour (write it as a string, e.g. "#6ca0dc")')
    if _HEX.fullmatch(value) or value in ANSI_COLOURS:
        return None
    from textual.color import Color, ColorParseError

    try:
        Color.parse(value)
    except ColorParseError:
        return _("is not a colour")
    return None


def _unknown_key(key: str) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key, sorted(KNOWN_KEYS), n=1)
    if close:
        return _("unknown key {key} (did you mean {close}?)").format(
            key=repr(key), close=repr(close[0])
        )
    return _("unknown key {key}").format(key=repr(key))
