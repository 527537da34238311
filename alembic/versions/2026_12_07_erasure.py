"""Erasure: idempotency records name whose data they hold; created_by may be null

Revision ID: e21a0001erase
Revises: c16afc2d2f4f
Create Date: 2026-12-07 13:46:14.736300

`idempotency_record.owner_id` is the account whose data the stored answer holds (a trainer's
key can hold a client's record), so the row goes when that account is erased. Existing rows
say nothing about it: those of accounts that ever had a client are dropped (a retry of one of
their POSTs within the day creates the record again), the others hold their actor's own data.

`created_by` of workouts, pain scores and bodyweights becomes null when the trainer who
logged the record erases their account; a downgrade puts the owner there instead.

On SQLite a column's nullability changes by copying the table, dropping it and renaming the
copy; with foreign keys on, dropping `workout` would delete every set (ON DELETE CASCADE). So
they are turned off first, which SQLite only allows outside a transaction: this revision
refuses to run on a database with workouts unless it runs first in its own `alembic upgrade`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base  # noqa: F401  (the other revisions' import, kept for autogenerate)


revision: str = 'e21a0001erase'
down_revision: str | None = 'c16afc2d2f4f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = ('workout', 'pain_score', 'bodyweight')


def _sqlite_foreign_keys_off() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    bind.exec_driver_sql('PRAGMA foreign_keys=OFF')
    if bind.exec_driver_sql('PRAGMA foreign_keys').scalar() == 0:
        return
    # Inside a transaction the pragma does nothing; copying is only safe with no workouts.
    if bind.exec_driver_sql('SELECT 1 FROM workout LIMIT 1').first() is not None:
        raise RuntimeError(
            'SQLite foreign keys could not be turned off inside this transaction: run '
            "`alembic upgrade e21a0001erase` (or downgrade) on its own"
        )


def upgrade() -> None:
    _sqlite_foreign_keys_off()
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_id', sa.Uuid(), nullable=True))
    op.execute(
        'DELETE FROM idempotency_record WHERE user_id IN (SELECT trainer_id FROM trainer_link)'
    )
    op.execute('UPDATE idempotency_record SET owner_id = user_id')
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.alter_column('owner_id', existing_type=sa.Uuid(), nullable=False)
        batch_op.create_index(batch_op.f('ix_idempotency_record_owner_id'), ['owner_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_idempotency_record_owner_id_user_account'), 'user_account', ['owner_id'], ['id'], ondelete='CASCADE')

    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('created_by', existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    _sqlite_foreign_keys_off()
    for table in RECORD_TABLES:
        op.execute(f'UPDATE {table} SET created_by = user_id WHERE created_by IS NULL')
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('created_by', existing_type=sa.Uuid(), nullable=False)

    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_idempotency_record_owner_id_user_account'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_idempotency_record_owner_id'))
        batch_op.drop_column('owner_id')
