"""Logging and sync: workouts with sets, pain scores, bodyweights, change feed, idempotency

Revision ID: 238f453e0053
Revises: b60e7fdfb878
Create Date: 2026-11-26 00:50:04.289408
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base


revision: str = '238f453e0053'
down_revision: str | None = 'b60e7fdfb878'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('bodyweight',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('measured_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('weight_kg', sa.Float(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_bodyweight_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bodyweight'))
    )
    with op.batch_alter_table('bodyweight', schema=None) as batch_op:
        batch_op.create_index('ix_bodyweight_user_measured', ['user_id', 'measured_at', 'id'], unique=False)

    op.create_table('change',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('resource', sa.String(length=32), nullable=False),
    sa.Column('resource_id', sa.Uuid(), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('changed_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_change_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'seq', name=op.f('pk_change'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index('ix_change_user_resource', ['user_id', 'resource', 'resource_id'], unique=False)

    op.create_table('change_counter',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_change_counter_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_change_counter'))
    )
    op.create_table('idempotency_record',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('response_body', sa.String(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_idempotency_record_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_record'))
    )
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_record_created_at'), ['created_at'], unique=False)
        batch_op.create_index('uq_idempotency_record_user_key', ['user_id', 'key'], unique=True)

    op.create_table('workout',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('started_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('notes', sa.String(length=2000), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_workout_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workout'))
    )
    with op.batch_alter_table('workout', schema=None) as batch_op:
        batch_op.create_index('ix_workout_user_started', ['user_id', 'started_at', 'id'], unique=False)

    op.create_table('pain_score',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('recorded_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('region', sa.String(length=16), nullable=False),
    sa.Column('side', sa.String(length=8), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('context', sa.String(length=24), nullable=True),
    sa.Column('workout_id', sa.Uuid(), nullable=True),
    sa.Column('notes', sa.String(length=2000), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_pain_score_user_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workout_id'], ['workout.id'], name=op.f('fk_pain_score_workout_id_workout'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pain_score'))
    )
    with op.batch_alter_table('pain_score', schema=None) as batch_op:
        batch_op.create_index('ix_pain_score_user_recorded', ['user_id', 'recorded_at', 'id'], unique=False)

    op.create_table('workout_set',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('workout_id', sa.Uuid(), nullable=False),
    sa.Column('exercise_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('set_type', sa.String(length=16), nullable=False),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('load_kg', sa.Float(), nullable=False),
    sa.Column('rpe', sa.Float(), nullable=True),
    sa.Column('rir', sa.Integer(), nullable=True),
    sa.Column('duration_s', sa.Float(), nullable=True),
    sa.Column('distance_m', sa.Float(), nullable=True),
    sa.Column('notes', sa.String(length=2000), nullable=True),
    sa.ForeignKeyConstraint(['exercise_id'], ['exercise.id'], name=op.f('fk_workout_set_exercise_id_exercise'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['workout_id'], ['workout.id'], name=op.f('fk_workout_set_workout_id_workout'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workout_set'))
    )
    with op.batch_alter_table('workout_set', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workout_set_exercise_id'), ['exercise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workout_set_workout_id'), ['workout_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workout_set', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workout_set_workout_id'))
        batch_op.drop_index(batch_op.f('ix_workout_set_exercise_id'))

    op.drop_table('workout_set')
    with op.batch_alter_table('pain_score', schema=None) as batch_op:
        batch_op.drop_index('ix_pain_score_user_recorded')

    op.drop_table('pain_score')
    with op.batch_alter_table('workout', schema=None) as batch_op:
        batch_op.drop_index('ix_workout_user_started')

    op.drop_table('workout')
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.drop_index('uq_idempotency_record_user_key')
        batch_op.drop_index(batch_op.f('ix_idempotency_record_created_at'))

    op.drop_table('idempotency_record')
    op.drop_table('change_counter')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_user_resource')

    op.drop_table('change')
    with op.batch_alter_table('bodyweight', schema=None) as batch_op:
        batch_op.drop_index('ix_bodyweight_user_measured')

    op.drop_table('bodyweight')
