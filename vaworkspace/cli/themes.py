"""`va themes`: the theme names the TUI can use, one per line, for scripts and config.

Importing this module costs nothing beyond argparse: the theme loader is imported
only when the command runs, and it never imports the Textual app.
"""

from __future__ import annotations

import sys


def _themes_parser(commands) -> None:
    parser = commands.add_parser(
        "themes",
        help="list available theme names, one per line",
        description=(
            "List the built-in themes and your own (the *.toml files in the themes/ "
            "folder of the config dir, e.g. ~/.config/vaworkspace/themes on Linux), one "
            "name per line. A broken theme file is reported on stderr and skipped."
        ),
    )
    parser.set_defaults(handler=list_themes)


PARSERS = {
    "themes": _themes_parser,
}
"""The parser of each command this module runs: `va CMD` builds only its own."""


def list_themes(args) -> int:
    """Print valid names on stdout; each problem is a warning on stderr, not a failure.

    Exit 0 even with problems: the TUI also starts with the remaining themes.
    """
    from vaworkspace.display import safe
    from vaworkspace.tui.themes import check_themes

    names, problems = check_themes()
    for problem in problems:
        skipped = "; skipped" if problem.path.endswith(".toml") else ""
        warning = f"{problem.path}: {problem.message}{skipped}"
        print(f"va: warning: {safe(warning)}", file=sys.stderr)
    for name in names:
        print(safe(name))
    return 0
