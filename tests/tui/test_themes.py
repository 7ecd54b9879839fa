"""Theme files: the built-ins are valid and ship in the wheel; broken files never crash."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaworkspace.tui.themes import (
    DEFAULT_THEME,
    KNOWN_KEYS,
    ThemeProblem,
    builtin_theme_dir,
    check_themes,
    load_themes,
    problems_message,
    theme_dirs,
    theme_names,
)

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {"va-dark", "va-light", "va-high-contrast", "va-ansi"}
GOOD = 'name = "{name}"\nprimary = "#336699"\nbackground = "#101010"\n'


def write(folder: Path, filename: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    return path


def user_dir(tmp_path: Path) -> Path:
    return tmp_path / "user-themes"


# --- the built-in themes ---------------------------------------------------------


def test_builtin_dir_is_the_repo_folder_in_a_checkout():
    assert builtin_theme_dir() == REPO / "themes"


def test_builtin_themes_load_without_problems():
    themes, problems = load_themes([builtin_theme_dir()])
    assert problems == []
    assert {theme.name for theme in themes} >= REQUIRED
    assert DEFAULT_THEME in {theme.name for theme in themes}


def test_every_builtin_colour_parses():
    from textual.color import Color

    themes, _ = load_themes([builtin_theme_dir()])
    for theme in themes:
        for key in ("primary", "secondary", "accent", "foreground", "background"):
            assert getattr(theme, key), (theme.name, key)
        system = theme.to_color_system().generate()  # what Textual does at refresh
        for name, value in system.items():
            if "style" not in name and value.split()[0] not in ("auto", "initial"):
                Color.parse(value.split()[0])


def test_every_builtin_file_opens_with_a_comment_saying_what_it_is_for():
    for path in sorted(builtin_theme_dir().glob("*.toml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"# {path.stem}: "), path.name


def test_ansi_theme_uses_only_ansi_colours():
    themes, _ = load_themes([builtin_theme_dir()])
    ansi = next(theme for theme in themes if theme.name == "va-ansi")
    assert ansi.ansi is True
    colours = [getattr(ansi, key) for key in ("primary", "secondary", "accent", "foreground")]
    colours += [value for key, value in ansi.variables.items() if not key.endswith("style")]
    assert all(colour.startswith("ansi_") for colour in colours), colours


def test_known_keys_are_exactly_the_fields_of_textual_theme():
    from textual.theme import Theme

    assert {field.name for field in dataclasses.fields(Theme)} == KNOWN_KEYS


def test_loading_is_fast():
    load_themes()  # imports textual.theme once
    started = time.perf_counter()
    themes, _ = load_themes()
    elapsed = time.perf_counter() - started
    assert len(themes) >= 6
    assert elapsed < 0.1  # ~1 ms here; a generous bound against gross regressions


def test_names_without_importing_the_textual_app():
    code = (
        "import sys\n"
        "from vaworkspace.tui.themes import theme_names\n"
        "assert 'va-dark' in theme_names()\n"
        "assert 'textual.app' not in sys.modules and 'textual.theme' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


# --- user themes -------------------------------------------------------------------


def test_user_folder_comes_from_the_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert theme_dirs() == [builtin_theme_dir(), tmp_path / "cfg" / "vaworkspace" / "themes"]
    assert theme_dirs("/x/y") == [builtin_theme_dir(), Path("/x/y/themes")]


def test_user_theme_is_added_and_named_from_the_file_stem(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    write(tmp_path / "cfg" / "vaworkspace" / "themes", "mine.toml", 'primary = "#336699"\n')
    assert "mine" in theme_names()
    themes, problems = load_themes()
    assert problems == []
    assert REQUIRED | {"mine"} <= {theme.name for theme in themes}


def test_user_theme_overrides_a_builtin(tmp_path):
    write(user_dir(tmp_path), "dark.toml", GOOD.format(name="va-dark"))
    themes, problems = load_themes([builtin_theme_dir(), user_dir(tmp_path)])
    assert problems == []
    dark = [theme for theme in themes if theme.name == "va-dark"]
    assert len(dark) == 1 and dark[0].primary == "#336699"


def test_a_broken_override_keeps_the_builtin(tmp_path):
    write(user_dir(tmp_path), "va-dark.toml", 'primary = "#12345"\n')
    themes, problems = load_themes([builtin_theme_dir(), user_dir(tmp_path)])
    assert [problem.key for problem in problems] == ["primary"]
    assert next(theme for theme in themes if theme.name == "va-dark").primary == "#6ca0dc"


def test_missing_user_folder_is_not_a_problem(tmp_path):
    assert check_themes([builtin_theme_dir(), tmp_path / "nowhere"])[1] == []


def test_missing_builtin_folder_is_a_problem(tmp_path, monkeypatch):
    import vaworkspace

    monkeypatch.setattr(vaworkspace, "__file__", str(tmp_path / "pkg" / "__init__.py"))
    names, problems = check_themes()
    assert names == [] and problems[0].key is None
    assert "reinstall" in problems[0].message


# --- broken files --------------------------------------------------------------------

BROKEN = {
    "syntax.toml": ('name = "x"\nprimary = \n', None),
    "colour.toml": ('primary = "#12345"\n', "primary"),
    "unknown.toml": ('primary = "#336699"\nprimery = "#336699"\n', "primery"),
    "number.toml": ("primary = 123456\n", "primary"),
    "variable.toml": ('primary = "#336699"\n[variables]\nborder = "bluish"\n', "variables.border"),
    "alpha.toml": (
        'primary = "#336699"\n[variables]\ninput-selection-background = "#336699 lots"\n',
        "variables.input-selection-background",
    ),
    "nokey.toml": ('background = "#000000"\n', "primary"),
    "dark.toml": ('primary = "#336699"\ndark = "yes"\n', "dark"),
    "vartype.toml": ('primary = "#336699"\n[variables]\nborder = 3\n', "variables.border"),
    "spread.toml": ('primary = "#336699"\nluminosity_spread = 4\n', "luminosity_spread"),
    "latin1.toml": ('primary = "#336699"\n# caf\xe9\n', None),
}


@pytest.mark.parametrize("filename", sorted(BROKEN))
def test_a_broken_file_is_a_problem_and_not_a_theme(tmp_path, filename):
    text, key = BROKEN[filename]
    folder = user_dir(tmp_path)
    if filename == "latin1.toml":
        folder.mkdir(parents=True)
        (folder / filename).write_bytes(text.encode("latin-1"))
    else:
        write(folder, filename, text)
    write(folder, "fine.toml", GOOD.format(name="fine"))
    themes, problems = load_themes([builtin_theme_dir(), folder])
    names = {theme.name for theme in themes}
    assert "fine" in names and names >= REQUIRED
    assert Path(filename).stem not in names and "x" not in names
    assert problems and {problem.path for problem in problems} == {str(folder / filename)}
    assert problems[0].key == key


def test_every_problem_of_a_file_is_reported(tmp_path):
    text = 'primary = "#12345"\naccent = "nope"\ncolour = "#fff"\n'
    write(user_dir(tmp_path), "mine.toml", text)
    problems = check_themes([user_dir(tmp_path)])[1]
    assert [problem.key for problem in problems] == ["primary", "accent", "colour"]
    assert problems[0].message == "'primary' = '#12345' is not a colour"
    assert "did you mean 'color'" not in problems[2].message  # no such key in Theme


def test_unknown_key_suggests_the_close_one(tmp_path):
    write(user_dir(tmp_path), "mine.toml", 'primary = "#336699"\nsecundary = "#fff"\n')
    problem = check_themes([user_dir(tmp_path)])[1][0]
    assert problem.message == "unknown key 'secundary' (did you mean 'secondary'?)"


def test_style_and_keyword_variables_are_not_taken_for_colours(tmp_path):
    text = (
        'primary = "#336699"\n[variables]\n'
        'block-cursor-text-style = "b reverse"\nlink-style-hover = "not underline"\n'
        'text = "auto 87%"\nfooter-key-foreground = "ansi_bright_white"\n'
        'input-selection-background = "#336699 35%"\nemphasis = "bold"\n'
    )
    write(user_dir(tmp_path), "mine.toml", text)
    assert check_themes([user_dir(tmp_path)]) == (["mine"], [])


def test_two_files_with_one_name_in_one_folder(tmp_path):
    write(user_dir(tmp_path), "a.toml", GOOD.format(name="same"))
    write(user_dir(tmp_path), "b.toml", GOOD.format(name="same"))
    names, problems = check_themes([user_dir(tmp_path)])
    assert names == ["same"]
    assert problems == [
        ThemeProblem(
            str(user_dir(tmp_path) / "b.toml"),
            "name",
            "'name' = 'same' is also used by a.toml in the same folder",
        )
    ]


def test_editor_lock_files_are_ignored(tmp_path):
    write(user_dir(tmp_path), ".#mine.toml", "not toml at all [")
    assert check_themes([user_dir(tmp_path)]) == ([], [])


# --- the notification ----------------------------------------------------------------


def test_problems_message_names_the_file_and_key():
    problem = ThemeProblem(
        "/cfg/themes/mine.toml", "primary", "'primary' = '#12345' is not a colour"
    )
    assert problems_message([problem]) == (
        "Theme file mine.toml: 'primary' = '#12345' is not a colour; using va-dark"
    )


def test_problems_message_groups_by_file(tmp_path):
    write(user_dir(tmp_path), "a.toml", 'primary = "#12345"\nfoo = 1\n')
    write(user_dir(tmp_path), "b.toml", "primary = [")
    message = problems_message(check_themes([user_dir(tmp_path)])[1], using="va-light")
    lines = message.splitlines()
    assert lines[0].startswith("Theme file a.toml: 'primary' = '#12345' is not a colour; ")
    assert "'foo'" in lines[0]
    assert lines[1].startswith("Theme file b.toml: not valid TOML")
    assert lines[2] == "These files were skipped; using va-light"


# --- in the App and in the wheel -----------------------------------------------------


def test_a_user_ansi_theme_gets_the_variables_textual_needs(tmp_path):
    write(user_dir(tmp_path), "tty.toml", 'ansi = true\nprimary = "ansi_green"\n')
    (theme,), problems = load_themes([user_dir(tmp_path)])
    assert problems == []
    assert {"ansi-background", "ansi-foreground"} <= set(theme.variables)


def test_every_builtin_renders_in_an_app(tmp_path):
    from textual.app import App, ComposeResult
    from textual.theme import BUILTIN_THEMES
    from textual.widgets import Button, Checkbox, DataTable, Footer, Header, Input, Static, Tree

    before = set(BUILTIN_THEMES)
    # A minimal user ANSI theme too: Textual's CSS needs variables it does not define.
    write(user_dir(tmp_path), "tty.toml", 'ansi = true\nprimary = "ansi_green"\n')
    themes, problems = load_themes([builtin_theme_dir(), user_dir(tmp_path)])
    assert problems == []

    class Demo(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Input(value="Book hotel in Vancouver")
            yield Button("Done", variant="primary")
            yield DataTable()
            yield Static("[b]Évelyne[/b] 3 tasks")
            yield Checkbox("Billable")
            yield Tree("Clients")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Due", "Task")
            table.add_row("fri", "Send invoice")
            for theme in themes:
                self.register_theme(theme)

    async def run() -> None:
        app = Demo()
        async with app.run_test(size=(80, 24)) as pilot:
            for theme in themes:
                app.theme = theme.name
                await pilot.pause()
                assert app.current_theme.name == theme.name
                assert app.export_screenshot()  # renders every widget with the theme

    asyncio.run(run())
    assert set(BUILTIN_THEMES) == before  # registered on the instance only


@pytest.mark.slow
def test_the_wheel_ships_the_themes_and_finds_them(tmp_path):
    out = tmp_path / "wheel"
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out)]
    build = subprocess.run([*pip, str(REPO)], capture_output=True, text=True)
    # pip fetches the build backend (hatchling) as `pip install .` does; no skip.
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("vaworkspace-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {f"vaworkspace/themes/{name}.toml" for name in REQUIRED} <= names
        archive.extractall(tmp_path / "site")
    code = (
        "from vaworkspace.tui.themes import builtin_theme_dir, check_themes\n"
        "print(builtin_theme_dir())\n"
        "print(check_themes([builtin_theme_dir()]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert found.returncode == 0, found.stderr
    folder, result = found.stdout.splitlines()
    assert Path(folder) == (tmp_path / "site" / "vaworkspace" / "themes").resolve()
    assert "va-dark" in result and "[]" in result


@given(st.from_regex(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", fullmatch=True))
def test_colours_accepted_without_textual_are_colours_to_textual(value) -> None:
    from textual.color import Color

    from vaworkspace.tui.themes import _colour_problem

    assert _colour_problem(value) is None
    Color.parse(value)  # raises if the shortcut let through what Textual refuses


def test_every_ansi_name_is_a_textual_colour() -> None:
    from textual.color import Color

    from vaworkspace.tui.themes import ANSI_COLOURS

    for name in ANSI_COLOURS:
        Color.parse(name)


def test_va_themes_does_not_import_textual(tmp_path) -> None:
    """`va themes` is a short command: checking the built-in themes needs no Textual."""
    code = (
        "import sys\n"
        "from vaworkspace.cli import main\n"
        "main(['themes'])\n"
        "print('textual' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.splitlines()[-1] == "False"
    assert "va-dark" in found.stdout
