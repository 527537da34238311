"""`python -m api.cli create-admin --email E`: admins exist only through this command."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlmodel import Session

from api.security import PasswordHasher
from api.settings import get_settings
from db.engine import make_engine
from db.models import User
from db.queries import users as users_queries


def create_admin(email: str, password: str) -> str:
    """Create an admin, or promote an existing account; returns what happened."""
    settings = get_settings()
    engine = make_engine(settings.database_url, pool_size=1)
    with Session(engine) as session:
        user = users_queries.get_by_email(session, email)
        if user is None:
            user = User(
                email=email.strip().lower(),
                role="admin",
                password_hash=PasswordHasher(settings).hash(password),
            )
            outcome = "created"
        else:
            user.role = "admin"
            outcome = "promoted"
        session.add(user)
        session.commit()
    engine.dispose()
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    admin = commands.add_parser("create-admin", help="create or promote an admin account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--password", help="prompted for when omitted (min 10 characters)")
    args = parser.parse_args(argv)
    password = args.password or getpass.getpass("Password: ")
    if not 10 <= len(password) <= 128:
        sys.stderr.write("password must be 10 to 128 characters\n")
        return 2
    sys.stdout.write(f"admin {args.email}: {create_admin(args.email, password)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
