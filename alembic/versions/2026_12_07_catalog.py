"""Catalog: every system exercise of db/catalog with its equipment and app names; custom
exercises gain `alias_of` and `classified` (BALANCE_METHOD §9, §12)

Revision ID: e23a0001catalog
Revises: e21c0001lease
Create Date: 2026-12-07 19:20:00.000000

Upgrade
- `exercise` gains `equipment`, `alias_of_id` (the system exercise a custom one *is*; no ON
  DELETE action: SQLite reflection cannot see one on a column added by ALTER TABLE, and only a
  downgrade deletes system exercises, after the column is gone) and `classified`.
- The catalog (db/catalog/exercises.json, read through `db.catalog`) is upserted by slug: the
  seed's system exercises keep their ids, chains and regions (the foundation derived their ids
  from the slug, and so does this revision for the new ones: every database gets the same ids)
  and gain their equipment; the others are inserted. Each alias the catalog lists is inserted
  unless its (key, source) is there already, with the foundation's ids.
- `classified` is true for every system exercise and every existing custom one, except a custom
  exercise that is `neutral`/`none`: that is what imports created for unknown names (a user who
  chose neutral/none counts nothing either way).

Downgrade drops the columns, then removes what upgrade added where nothing references it: the
aliases it added, and the system exercises it added that no logged set uses (a set's exercise is
ON DELETE RESTRICT; such an exercise stays a system exercise, which the older schema reads as it
is). The seed's exercises keep their equipment-less rows and aliases as the foundation made them.

On SQLite, `alias_of_id` is added with an inline REFERENCES (ALTER TABLE ADD COLUMN allows it;
adding a constraint later would copy the table). Dropping it needs a copy of `exercise`, whose
DROP with foreign keys on would cascade to the aliases and refuse over logged sets, so the
downgrade turns foreign keys off first, which SQLite only allows outside a transaction, as the
erasure revision does.
"""

from collections.abc import Sequence
from datetime import datetime
import uuid

import sqlalchemy as sa
from alembic import op

import db.base
from db.catalog import catalog
from db.catalog_seed import SYSTEM_EXERCISES


revision: str = 'e23a0001catalog'
down_revision: str | None = 'e21c0001lease'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The foundation's namespace: a system exercise's id is uuid5(CATALOG_NAMESPACE, slug).
CATALOG_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-4a53-9a47-2f1e8d0b9c11")
LOADED_AT = datetime.fromisoformat("2026-12-07T00:00:00+00:00")
FK_NAME = 'fk_exercise_alias_of_id_exercise'

EXERCISE = sa.table(
    'exercise',
    sa.column('id', sa.Uuid()),
    sa.column('slug', sa.String()),
    sa.column('name', sa.String()),
    sa.column('chain', sa.String()),
    sa.column('region', sa.String()),
    sa.column('pattern', sa.String()),
    sa.column('load_type', sa.String()),
    sa.column('equipment', sa.String()),
    sa.column('is_system', sa.Boolean()),
    sa.column('owner_id', sa.Uuid()),
    sa.column('classified', sa.Boolean()),
    sa.column('created_at', db.base.UTCDateTime()),
    sa.column('updated_at', db.base.UTCDateTime()),
)
ALIAS = sa.table(
    'exercise_alias',
    sa.column('id', sa.Uuid()),
    sa.column('exercise_id', sa.Uuid()),
    sa.column('alias', sa.String()),
    sa.column('alias_key', sa.String()),
    sa.column('source', sa.String()),
)
WORKOUT_SET = sa.table('workout_set', sa.column('exercise_id', sa.Uuid()))


def _exercise_id(slug: str) -> uuid.UUID:
    return uuid.uuid5(CATALOG_NAMESPACE, slug)


def _alias_id(exercise_id: uuid.UUID, source: str, key: str) -> uuid.UUID:
    return uuid.uuid5(exercise_id, f"{source}:{key}")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.add_column('exercise', sa.Column('equipment', sa.String(length=16), nullable=True))
    op.add_column(
        'exercise',
        sa.Column('classified', sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    alias_of = sa.ForeignKey('exercise.id', name=FK_NAME)
    op.add_column(
        'exercise',
        sa.Column('alias_of_id', sa.Uuid(), alias_of, nullable=True),
        inline_references=sqlite,
    )
    op.create_index(op.f('ix_exercise_alias_of_id'), 'exercise', ['alias_of_id'], unique=False)
    _load_catalog()
    op.execute(
        EXERCISE.update()
        .where(
            sa.or_(
                EXERCISE.c.is_system.is_(True),
                EXERCISE.c.chain != 'neutral',
                EXERCISE.c.region != 'none',
            )
        )
        .values(classified=True)
    )


def _load_catalog() -> None:
    bind = op.get_bind()
    rows = catalog()
    existing = {
        slug: (exercise_id, is_system)
        for exercise_id, slug, is_system in bind.execute(
            sa.select(EXERCISE.c.id, EXERCISE.c.slug, EXERCISE.c.is_system).where(
                EXERCISE.c.slug.in_([row.slug for row in rows])
            )
        )
    }
    taken = sorted(slug for slug, (_, is_system) in existing.items() if not is_system)
    if taken:  # custom slugs end in an id suffix, so this would be a hand-made row
        raise RuntimeError(f'custom exercises hold catalog slugs: {taken}')
    new_exercises, equipment = [], []
    for row in rows:
        if row.slug in existing:
            equipment.append({'b_id': existing[row.slug][0], 'b_equipment': row.equipment})
            continue
        new_exercises.append(
            {
                'id': _exercise_id(row.slug),
                'slug': row.slug,
                'name': row.name,
                'chain': row.chain,
                'region': row.region,
                'pattern': row.pattern,
                'load_type': row.load_type,
                'equipment': row.equipment,
                'is_system': True,
                'owner_id': None,
                'classified': True,
                'created_at': LOADED_AT,
                'updated_at': LOADED_AT,
            }
        )
    if equipment:
        bind.execute(
            EXERCISE.update()
            .where(EXERCISE.c.id == sa.bindparam('b_id'))
            .values(equipment=sa.bindparam('b_equipment')),
            equipment,
        )
    if new_exercises:
        op.bulk_insert(EXERCISE, new_exercises)

    present = {
        (key, source) for key, source in bind.execute(sa.select(ALIAS.c.alias_key, ALIAS.c.source))
    }
    ids = {slug: exercise_id for slug, (exercise_id, _) in existing.items()}
    new_aliases = []
    for row in rows:
        exercise_id = ids.get(row.slug) or _exercise_id(row.slug)
        for alias in row.aliases:
            key = alias.name.lower()
            if (key, alias.source) in present:
                continue
            present.add((key, alias.source))
            new_aliases.append(
                {
                    'id': _alias_id(exercise_id, alias.source, key),
                    'exercise_id': exercise_id,
                    'alias': alias.name,
                    'alias_key': key,
                    'source': alias.source,
                }
            )
    if new_aliases:
        op.bulk_insert(ALIAS, new_aliases)


def _sqlite_foreign_keys_off() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    bind.exec_driver_sql('PRAGMA foreign_keys=OFF')
    if bind.exec_driver_sql('PRAGMA foreign_keys').scalar() != 0:
        raise RuntimeError(
            'SQLite foreign keys could not be turned off inside this transaction (copying the '
            'exercise table would delete its aliases): run `alembic downgrade e21c0001lease` '
            'on its own'
        )


def downgrade() -> None:
    _sqlite_foreign_keys_off()
    op.drop_index(op.f('ix_exercise_alias_of_id'), table_name='exercise')
    with op.batch_alter_table('exercise', schema=None) as batch_op:
        if op.get_bind().dialect.name != 'sqlite':  # the copy leaves it out with its column
            batch_op.drop_constraint(FK_NAME, type_='foreignkey')
        batch_op.drop_column('alias_of_id')
        batch_op.drop_column('classified')
        batch_op.drop_column('equipment')
    _unload_catalog()


def _unload_catalog() -> None:
    """Delete the aliases and the system exercises upgrade added, but not an exercise a logged
    set uses (after `alias_of_id` is gone, nothing else can refer to one)."""
    bind = op.get_bind()
    seed_slugs = {item.slug for item in SYSTEM_EXERCISES}
    seed_aliases = {
        _alias_id(_exercise_id(item.slug), a.source, a.alias.lower())
        for item in SYSTEM_EXERCISES
        for a in item.aliases
    }
    added_aliases = [
        alias_id
        for row in catalog()
        for a in row.aliases
        if (alias_id := _alias_id(_exercise_id(row.slug), a.source, a.name.lower()))
        not in seed_aliases
    ]
    added = [_exercise_id(row.slug) for row in catalog() if row.slug not in seed_slugs]
    used = sa.select(WORKOUT_SET.c.exercise_id)
    for start in range(0, len(added_aliases), 500):
        bind.execute(ALIAS.delete().where(ALIAS.c.id.in_(added_aliases[start : start + 500])))
    for start in range(0, len(added), 500):
        bind.execute(
            EXERCISE.delete().where(
                EXERCISE.c.id.in_(added[start : start + 500]),
                EXERCISE.c.is_system.is_(True),
                EXERCISE.c.id.not_in(used),
            )
        )
