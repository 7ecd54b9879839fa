"""The running app as what it is.

Textual types `node.app` as a plain `App`; screens and widgets reach the
workspace through these two functions instead, so the type checker knows what
`ws` is and checks every call the TUI makes into the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from vaworkspace.service import Workspace
    from vaworkspace.tui.app import VaApp


def va_app(node: DOMNode) -> VaApp:
    """The app `node` runs in (only ever a `VaApp`)."""
    return cast("VaApp", node.app)


def workspace_of(node: DOMNode) -> Workspace:
    """The one `Workspace` the app owns."""
    return va_app(node).ws
