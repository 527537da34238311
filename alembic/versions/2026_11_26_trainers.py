"""Trainers: invitations, links, private notes and the access log

Revision ID: 51fedbbf752b
Revises: 238f453e0053
Create Date: 2026-11-26 01:02:20.447888
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '51fedbbf752b'
down_revision: str | None = '238f453e0053'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('access_log',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('trainer_id', sa.Uuid(), nullable=True),
    sa.Column('at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('resource', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['user_account.id'], name=op.f('fk_access_log_client_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trainer_id'], ['user_account.id'], name=op.f('fk_access_log_trainer_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_log'))
    )
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.create_index('ix_access_log_client_at', ['client_id', 'at', 'id'], unique=False)

    op.create_table('trainer_invitation',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('trainer_id', sa.Uuid(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('can_log', sa.Boolean(), nullable=False),
    sa.Column('expires_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('accepted_by', sa.Uuid(), nullable=True),
    sa.Column('revoked_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['accepted_by'], ['user_account.id'], name=op.f('fk_trainer_invitation_accepted_by_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trainer_id'], ['user_account.id'], name=op.f('fk_trainer_invitation_trainer_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainer_invitation')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_trainer_invitation_code_hash'))
    )
    with op.batch_alter_table('trainer_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainer_invitation_trainer_id'), ['trainer_id'], unique=False)

    op.create_table('trainer_link',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('trainer_id', sa.Uuid(), nullable=False),
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('can_log', sa.Boolean(), nullable=False),
    sa.Column('since', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['user_account.id'], name=op.f('fk_trainer_link_client_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trainer_id'], ['user_account.id'], name=op.f('fk_trainer_link_trainer_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainer_link')),
    sa.UniqueConstraint('trainer_id', 'client_id', name=op.f('uq_trainer_link_trainer_id'))
    )
    with op.batch_alter_table('trainer_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainer_link_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_trainer_link_trainer_id'), ['trainer_id'], unique=False)

    op.create_table('trainer_note',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('trainer_id', sa.Uuid(), nullable=False),
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('body', sa.String(length=5000), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['user_account.id'], name=op.f('fk_trainer_note_client_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['trainer_id'], ['user_account.id'], name=op.f('fk_trainer_note_trainer_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trainer_note'))
    )
    with op.batch_alter_table('trainer_note', schema=None) as batch_op:
        batch_op.create_index('ix_trainer_note_pair', ['trainer_id', 'client_id', 'created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('trainer_note', schema=None) as batch_op:
        batch_op.drop_index('ix_trainer_note_pair')

    op.drop_table('trainer_note')
    with op.batch_alter_table('trainer_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainer_link_trainer_id'))
        batch_op.drop_index(batch_op.f('ix_trainer_link_client_id'))

    op.drop_table('trainer_link')
    with op.batch_alter_table('trainer_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainer_invitation_trainer_id'))

    op.drop_table('trainer_invitation')
    with op.batch_alter_table('access_log', schema=None) as batch_op:
        batch_op.drop_index('ix_access_log_client_at')

    op.drop_table('access_log')
