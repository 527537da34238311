"""Trainers and clients: invitations, links, notes, roster, access log."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from api.schemas.analytics import Flag
from api.schemas.common import RequestModel
from api.schemas.enums import Band, FlagCode, InvitationStatus, PainRegion, TrendDirection


class InvitationCreate(RequestModel):
    note: str | None = Field(default=None, max_length=500, examples=["Tuesday group"])
    can_log: bool = Field(default=False, description="Ask to log workouts for the client.")
    expires_in_days: int = Field(default=7, ge=1, le=30)


class InvitationRead(BaseModel):
    id: uuid.UUID
    note: str | None
    can_log: bool
    created_at: datetime
    expires_at: datetime
    status: InvitationStatus


class InvitationCreated(InvitationRead):
    code: str = Field(description="Give this to the client; it is shown only once.")


class InvitationList(BaseModel):
    items: list[InvitationRead]


class InvitationAccept(RequestModel):
    code: str = Field(min_length=1, max_length=200)


class Person(BaseModel):
    id: uuid.UUID
    display_name: str | None


class TrainerLinkRead(BaseModel):
    trainer: Person
    can_log: bool
    since: datetime


class TrainerList(BaseModel):
    items: list[TrainerLinkRead]


class TrainerLinkUpdate(RequestModel):
    can_log: bool


class NoteCreate(RequestModel):
    body: str = Field(min_length=1, max_length=5000)


class NoteUpdate(RequestModel):
    body: str = Field(min_length=1, max_length=5000)


class NoteRead(BaseModel):
    id: uuid.UUID
    client_id: uuid.UUID
    body: str
    created_at: datetime
    updated_at: datetime


class NoteList(BaseModel):
    items: list[NoteRead]


class RosterBalance(BaseModel):
    index: float | None
    band: Band | None
    direction_4w: TrendDirection | None = Field(
        description="Direction of the recent balance trend (slope per 4 weeks)."
    )
    volume_band: Band | None = Field(description="Band of the volume balance V (pcb-2, §11).")
    volume_marked: bool | None


class RosterPain(BaseModel):
    max_last_7d: int | None
    region_of_max: PainRegion | None
    rising: bool


class RosterEntry(BaseModel):
    client: Person
    since: datetime
    can_log: bool
    last_workout_at: datetime | None
    balance: RosterBalance
    pain: RosterPain
    flags: list[FlagCode]
    flag_details: list[Flag] = Field(description="Each raised flag explained in words.")
    adherence: int = Field(description="Workouts in the last 28 days.")


class RosterPage(BaseModel):
    items: list[RosterEntry]
    next_cursor: str | None


class AccessLogRead(BaseModel):
    id: uuid.UUID
    at: datetime
    trainer: Person | None = Field(description="Null once the trainer's account is gone.")
    method: str
    path: str
    resource: str
    status: int


class AccessLogPage(BaseModel):
    items: list[AccessLogRead]
    next_cursor: str | None
