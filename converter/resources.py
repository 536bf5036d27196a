"""Where the taxonomy and templates are, installed or in a source checkout.

The repository keeps ``taxonomy/`` and ``templates/`` at its top level; the wheel
ships them as ``converter/_data/...`` (see pyproject.toml).  Everything that needs
them asks here, so no other module knows about the two layouts.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``taxonomy`` or ``templates``: the installed copy, else the checkout's."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ledgerlink data folder {name!r} not found; is the package installed correctly?")


def package_file(name: str) -> Path:
    return _PACKAGE / name
