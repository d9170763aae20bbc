"""Where the database password is kept: the system keyring (Windows Credential Manager, macOS Keychain,
the Secret Service on Linux desktops) through the `keyring` package, or, only if the user chooses it
in Settings, a file in the data folder that only its owner can read.

A password found in the file while the keyring is the chosen store is moved into the keyring and
taken out of the file (the file was the only store of earlier versions). With no keyring on the
machine and the file not chosen, saving a password is refused with a code the window words.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from caravan_app.errors import CaravanError
from caravan_app.settings import data_dir

_log = logging.getLogger(__name__)

SERVICE = "caravan_app database"
KEYRING, FILE = "keyring", "file"


def password_file() -> Path:
    return data_dir() / "secrets" / "database-passwords.json"


def keyring_name() -> str | None:
    """The system keyring's name, or None when the machine has none (a server, a bare container)."""
    backend = keyring.get_keyring()
    try:
        usable = float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend that cannot even say its priority is not usable
        usable = False
    return str(getattr(backend, "name", type(backend).__name__)) if usable else None


def _read_file() -> dict[str, str]:
    try:
        data = json.loads(password_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(passwords: dict[str, str]) -> None:
    path = password_file()
    if not passwords:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    # Created with owner-only permissions from the first byte, not chmod-ed after writing.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(passwords, handle)
    os.chmod(path, 0o600)


def _forget_in_file(key: str) -> None:
    passwords = _read_file()
    if key in passwords:
        del passwords[key]
        _write_file(passwords)


def store(key: str, password: str | None, where: str) -> None:
    """Keep (or, with no password, forget) the password of the database `key` in `where`; the other
    store forgets it. CaravanError `no_keyring` when the keyring is chosen and the machine has none."""
    if where == FILE:
        passwords = _read_file()
        if password:
            passwords[key] = password
        else:
            passwords.pop(key, None)
        _write_file(passwords)
        _forget_in_keyring(key)
        return
    if password:
        if keyring_name() is None:
            raise CaravanError(
                "this computer has no system keyring to keep the password in", code="no_keyring"
            )
        try:
            keyring.set_password(SERVICE, key, password)
        except KeyringError as exc:
            raise CaravanError(
                f"the system keyring refused the password: {exc}", code="keyring_refused", reason=str(exc)
            ) from exc
    else:
        _forget_in_keyring(key)
    _forget_in_file(key)


def _forget_in_keyring(key: str) -> None:
    if keyring_name() is None:
        return
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        pass  # there was none
    except KeyringError as exc:
        _log.warning("could not remove a password from the keyring: %s", exc)


def load(key: str, where: str) -> str | None:
    """The password of the database `key`, or None; one left in the file from an earlier version
    moves to the keyring when the keyring is the store and works."""
    if where == FILE:
        return _read_file().get(key)
    found: str | None = None
    if keyring_name() is not None:
        try:
            found = keyring.get_password(SERVICE, key)
        except KeyringError as exc:
            _log.warning("could not read the keyring: %s", exc)
    if found is not None:
        return found
    left = _read_file().get(key)
    if left is not None and keyring_name() is not None:
        try:
            keyring.set_password(SERVICE, key, left)
        except KeyringError as exc:
            _log.warning("the password stays in %s: the keyring refused it (%s)", password_file(), exc)
        else:
            _forget_in_file(key)
    return left


__all__ = ["FILE", "KEYRING", "SERVICE", "keyring_name", "load", "password_file", "store"]
