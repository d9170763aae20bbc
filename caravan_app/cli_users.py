"""The command line's account commands on a shared PostgreSQL database: `users add|list|disable|passwd`.

Passwords are asked for with getpass (typed twice), never taken from the command line, where other
users of the machine and the shell's history would see them.
"""

from __future__ import annotations

import argparse
import getpass
from typing import TYPE_CHECKING, Any

from caravan_app.errors import CaravanError

if TYPE_CHECKING:
    from caravan_app.persistence.database import Database


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """`users add|list|disable|passwd`."""
    users = commands.add_parser("users", help="accounts on a shared PostgreSQL database (administrators)")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", parents=[common], help="make a login role for a person; the password is asked for"
    )
    add.add_argument("name", metavar="NAME", help="the login name (lower-case letters, digits, _)")
    add.add_argument("--level", required=True, choices=["province", "city", "county"])
    add.add_argument("--region", required=True, metavar="ADCODE", help="the region's 6-digit code")
    add.add_argument("--admin", action="store_true", help="may manage accounts too")
    add.set_defaults(run=_run_add)
    listing = actions.add_parser("list", parents=[common], help="the accounts, their level and region")
    listing.set_defaults(run=_run_list)
    disable = actions.add_parser("disable", parents=[common], help="the person may no longer sign in")
    disable.add_argument("name", metavar="NAME")
    disable.set_defaults(run=_run_disable)
    passwd = actions.add_parser("passwd", parents=[common], help="set a new password (asked for)")
    passwd.add_argument("name", metavar="NAME")
    passwd.set_defaults(run=_run_passwd)


def _ask_password(name: str) -> str:
    first = getpass.getpass(f"password for {name}: ")
    second = getpass.getpass("again: ")
    if first != second:
        raise CaravanError("the two passwords differ; nothing changed")
    return first


def _open(args: argparse.Namespace) -> Database:
    from caravan_app.services.database import open_database

    return open_database(args.db)


def _run_add(args: argparse.Namespace) -> None:
    from caravan_app.domain.enums import Level
    from caravan_app.services import accounts

    db = _open(args)
    try:
        password = _ask_password(args.name)
        account = accounts.add_account(
            db, args.name, Level(args.level), args.region, password, admin=args.admin
        )
    finally:
        db.dispose()  # the server's connections closed now, not when collected
    admin = ", administrator" if account.is_admin else ""
    print(f"added {account.name}: {account.level.value} {account.region_adcode} {account.region_name}{admin}")


def _run_list(args: argparse.Namespace) -> None:
    from caravan_app.services import accounts

    db = _open(args)
    try:
        rows = accounts.list_accounts(db)
    finally:
        db.dispose()
    if not rows:
        print("no accounts")
    for a in rows:
        marks = [m for m, on in (("admin", a.is_admin), ("disabled", a.disabled)) if on]
        print(f"{a.name}\t{a.level.value}\t{a.region_adcode}\t{a.region_name}\t{' '.join(marks)}".rstrip())


def _run_disable(args: argparse.Namespace) -> None:
    from caravan_app.services import accounts

    db = _open(args)
    try:
        accounts.disable_account(db, args.name)
    finally:
        db.dispose()
    print(f"disabled {args.name}: it may no longer sign in")


def _run_passwd(args: argparse.Namespace) -> None:
    from caravan_app.services import accounts

    db = _open(args)
    try:
        accounts.set_password(db, args.name, _ask_password(args.name))
    finally:
        db.dispose()
    print(f"password of {args.name} changed")
