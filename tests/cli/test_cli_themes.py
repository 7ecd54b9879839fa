"""`va themes`: names on stdout, one per line; broken files warned about, exit 0."""

from __future__ import annotations

import argparse

from vaworkspace.cli import themes


def run_themes() -> int:
    parser = argparse.ArgumentParser(prog="va")
    themes.PARSERS["themes"](parser.add_subparsers())
    args = parser.parse_args(["themes"])
    return args.handler(args)


def user_themes(isolated_env):
    """The autouse fixture points XDG_CONFIG_HOME at `xdg-config` under tmp_path."""
    folder = isolated_env / "xdg-config" / "vaworkspace" / "themes"
    folder.mkdir(parents=True)
    return folder


def test_lists_the_builtin_names_one_per_line(capsys):
    assert run_themes() == 0
    out, err = capsys.readouterr()
    names = out.splitlines()
    assert {"va-dark", "va-light", "va-high-contrast", "va-ansi"} <= set(names)
    assert names == sorted(names)
    assert err == ""


def test_user_themes_are_listed(isolated_env, capsys):
    (user_themes(isolated_env) / "mine.toml").write_text('primary = "#336699"\n')
    run_themes()
    assert "mine" in capsys.readouterr().out.splitlines()


def test_problems_go_to_stderr_and_exit_zero(isolated_env, capsys):
    folder = user_themes(isolated_env)
    (folder / "bad.toml").write_text('primary = "#12345"\n')
    (folder / "worse.toml").write_text("primary = [")
    assert run_themes() == 0
    out, err = capsys.readouterr()
    assert "bad" not in out.splitlines() and "va-dark" in out.splitlines()
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0] == (
        f"va: warning: {folder / 'bad.toml'}: 'primary' = '#12345' is not a colour; skipped"
    )
    assert lines[1].startswith(f"va: warning: {folder / 'worse.toml'}: not valid TOML")


def test_help_says_what_it_does(capsys):
    parser = argparse.ArgumentParser(prog="va")
    themes.PARSERS["themes"](parser.add_subparsers())
    assert "list available theme names, one per line" in parser.format_help()
