"""Foundation: accounts, refresh tokens, the exercise catalog with its system lifts

Revision ID: b60e7fdfb878
Revises:
Create Date: 2026-11-26 00:46:31.117960
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import uuid

import db.base
from db.catalog_seed import SYSTEM_EXERCISES

revision: str = 'b60e7fdfb878'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('user_account',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=True),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('unit_preference', sa.String(length=2), nullable=False),
    sa.Column('bodyweight_kg', sa.Float(), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('token_version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email'))
    )
    op.create_table('exercise',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('chain', sa.String(length=16), nullable=False),
    sa.Column('region', sa.String(length=16), nullable=False),
    sa.Column('pattern', sa.String(length=32), nullable=True),
    sa.Column('load_type', sa.String(length=16), nullable=False),
    sa.Column('is_system', sa.Boolean(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['user_account.id'], name=op.f('fk_exercise_owner_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exercise')),
    sa.UniqueConstraint('slug', name=op.f('uq_exercise_slug'))
    )
    with op.batch_alter_table('exercise', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_owner_id'), ['owner_id'], unique=False)

    op.create_table('refresh_token',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_refresh_token_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refresh_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_refresh_token_token_hash'))
    )
    with op.batch_alter_table('refresh_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refresh_token_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_refresh_token_user_id'), ['user_id'], unique=False)

    op.create_table('exercise_alias',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('exercise_id', sa.Uuid(), nullable=False),
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('alias_key', sa.String(length=120), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['exercise_id'], ['exercise.id'], name=op.f('fk_exercise_alias_exercise_id_exercise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exercise_alias')),
    sa.UniqueConstraint('alias_key', 'source', name=op.f('uq_exercise_alias_alias_key'))
    )
    with op.batch_alter_table('exercise_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exercise_alias_exercise_id'), ['exercise_id'], unique=False)

    _seed_catalog()


# Stable ids derived from the slug: every database gets the same system exercise ids.
CATALOG_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-4a53-9a47-2f1e8d0b9c11")
SEEDED_AT = "2026-11-26T00:00:00+00:00"


def _seed_catalog() -> None:
    from datetime import datetime

    seeded_at = datetime.fromisoformat(SEEDED_AT)
    exercise = sa.table(
        "exercise",
        sa.column("id", sa.Uuid()),
        sa.column("slug", sa.String()),
        sa.column("name", sa.String()),
        sa.column("chain", sa.String()),
        sa.column("region", sa.String()),
        sa.column("pattern", sa.String()),
        sa.column("load_type", sa.String()),
        sa.column("is_system", sa.Boolean()),
        sa.column("owner_id", sa.Uuid()),
        sa.column("created_at", db.base.UTCDateTime()),
        sa.column("updated_at", db.base.UTCDateTime()),
    )
    alias = sa.table(
        "exercise_alias",
        sa.column("id", sa.Uuid()),
        sa.column("exercise_id", sa.Uuid()),
        sa.column("alias", sa.String()),
        sa.column("alias_key", sa.String()),
        sa.column("source", sa.String()),
    )
    exercises, aliases = [], []
    for item in SYSTEM_EXERCISES:
        exercise_id = uuid.uuid5(CATALOG_NAMESPACE, item.slug)
        exercises.append(
            {
                "id": exercise_id,
                "slug": item.slug,
                "name": item.name,
                "chain": item.chain,
                "region": item.region,
                "pattern": item.pattern,
                "load_type": item.load_type,
                "is_system": True,
                "owner_id": None,
                "created_at": seeded_at,
                "updated_at": seeded_at,
            }
        )
        for entry in item.aliases:
            aliases.append(
                {
                    "id": uuid.uuid5(exercise_id, f"{entry.source}:{entry.alias.lower()}"),
                    "exercise_id": exercise_id,
                    "alias": entry.alias,
                    "alias_key": entry.alias.lower(),
                    "source": entry.source,
                }
            )
    op.bulk_insert(exercise, exercises)
    op.bulk_insert(alias, aliases)



def downgrade() -> None:
    with op.batch_alter_table('exercise_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_alias_exercise_id'))

    op.drop_table('exercise_alias')
    with op.batch_alter_table('refresh_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refresh_token_user_id'))
        batch_op.drop_index(batch_op.f('ix_refresh_token_family_id'))

    op.drop_table('refresh_token')
    with op.batch_alter_table('exercise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exercise_owner_id'))

    op.drop_table('exercise')
    op.drop_table('user_account')
