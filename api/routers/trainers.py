"""Trainers: invitations, the roster, private notes; clients: their trainers and access log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from api.deps import OwnWork
from api.errors import problem_responses
from api.pagination import PageDep
from api.schemas.enums import FlagCode, RosterSort
from api.schemas.trainers import (
    AccessLogPage,
    InvitationAccept,
    InvitationCreate,
    InvitationCreated,
    InvitationList,
    NoteCreate,
    NoteList,
    NoteRead,
    NoteUpdate,
    RosterPage,
    TrainerLinkRead,
    TrainerLinkUpdate,
    TrainerList,
)
from api.services import trainers as trainers_service
from api.throttle import Throttle

trainer_router = APIRouter(prefix="/v1/trainer", tags=["trainer"])
client_router = APIRouter(prefix="/v1/users/me", tags=["trainers"])


async def get_accept_throttle(request: Request) -> Throttle:
    throttle: Throttle = request.app.state.accept_throttle
    return throttle


AcceptThrottle = Annotated[Throttle, Depends(get_accept_throttle)]


@trainer_router.post(
    "/invitations",
    status_code=status.HTTP_201_CREATED,
    operation_id="createInvitation",
    responses=problem_responses(401, 422),
)
async def create_invitation(data: InvitationCreate, work: OwnWork) -> InvitationCreated:
    """Invite a client; the code is shown only in this answer."""
    return await work.run(trainers_service.create_invitation, data)


@trainer_router.get(
    "/invitations", operation_id="listInvitations", responses=problem_responses(401)
)
async def list_invitations(work: OwnWork) -> InvitationList:
    """My invitations with status pending, accepted, revoked or expired."""
    return await work.run(trainers_service.list_invitations)


@trainer_router.delete(
    "/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeInvitation",
    responses=problem_responses(401, 404, 409),
)
async def revoke_invitation(invitation_id: uuid.UUID, work: OwnWork) -> Response:
    """Revoke one of my pending invitations."""
    await work.run(trainers_service.revoke_invitation, invitation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@trainer_router.get("/clients", operation_id="listClients", responses=problem_responses(401, 422))
async def list_clients(
    work: OwnWork,
    page: PageDep,
    flag: FlagCode | None = None,
    sort: Annotated[RosterSort, Query(description="`flags` (most first) by default.")] = (
        RosterSort.flags
    ),
) -> RosterPage:
    """My roster: each client's balance, pain, flags (explained) and adherence."""
    flag_code = flag.value if flag else None
    return await work.run(trainers_service.roster, page, flag=flag_code, sort=sort)


@trainer_router.get(
    "/clients.csv",
    operation_id="exportClients",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}}, "description": "The roster as CSV."},
        **problem_responses(401, 422),
    },
)
async def export_clients(work: OwnWork, sort: RosterSort = RosterSort.flags) -> StreamingResponse:
    """My roster as CSV, one row per client (flags joined with `|`)."""
    return StreamingResponse(
        await work.run(trainers_service.roster_csv, sort=sort),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="backchain-clients.csv"'},
    )


@trainer_router.delete(
    "/clients/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="endClientLink",
    responses=problem_responses(401, 404),
)
async def end_client_link(client_id: uuid.UUID, work: OwnWork) -> Response:
    """Stop training this client; their data is no longer visible (my notes stay mine)."""
    await work.run(trainers_service.end_link, client_id, by_trainer=True)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@trainer_router.get(
    "/clients/{client_id}/notes",
    operation_id="listClientNotes",
    responses=problem_responses(401, 404),
)
async def list_client_notes(client_id: uuid.UUID, work: OwnWork) -> NoteList:
    """My private notes on a client, newest first."""
    return await work.run(trainers_service.list_notes, client_id)


@trainer_router.post(
    "/clients/{client_id}/notes",
    status_code=status.HTTP_201_CREATED,
    operation_id="createClientNote",
    responses=problem_responses(401, 404, 422),
)
async def create_client_note(client_id: uuid.UUID, data: NoteCreate, work: OwnWork) -> NoteRead:
    """A private note on a current client (the client never sees it)."""
    return await work.run(trainers_service.create_note, client_id, data)


@trainer_router.patch(
    "/clients/{client_id}/notes/{note_id}",
    operation_id="updateClientNote",
    responses=problem_responses(401, 404, 422),
)
async def update_client_note(
    client_id: uuid.UUID, note_id: uuid.UUID, data: NoteUpdate, work: OwnWork
) -> NoteRead:
    """Change one of my notes."""
    return await work.run(trainers_service.update_note, client_id, note_id, data)


@trainer_router.delete(
    "/clients/{client_id}/notes/{note_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteClientNote",
    responses=problem_responses(401, 404),
)
async def delete_client_note(client_id: uuid.UUID, note_id: uuid.UUID, work: OwnWork) -> Response:
    """Delete one of my notes."""
    await work.run(trainers_service.delete_note, client_id, note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@client_router.post(
    "/trainers",
    status_code=status.HTTP_201_CREATED,
    operation_id="acceptInvitation",
    responses=problem_responses(401, 404, 409, 422, 429),
)
async def accept_invitation(
    data: InvitationAccept, work: OwnWork, throttle: AcceptThrottle
) -> TrainerLinkRead:
    """Accept a trainer's code; an expired, revoked, used or unknown code is 404 alike, and
    one's own code 409."""
    return await work.run(trainers_service.accept_invitation, data.code, throttle)


@client_router.get("/trainers", operation_id="listTrainers", responses=problem_responses(401))
async def list_trainers(work: OwnWork) -> TrainerList:
    """My active trainers."""
    return await work.run(trainers_service.list_trainers)


@client_router.patch(
    "/trainers/{trainer_id}",
    operation_id="updateTrainer",
    responses=problem_responses(401, 404, 422),
)
async def update_trainer(
    trainer_id: uuid.UUID, data: TrainerLinkUpdate, work: OwnWork
) -> TrainerLinkRead:
    """Grant or withdraw a trainer's permission to log for me."""
    return await work.run(trainers_service.update_trainer, trainer_id, can_log=data.can_log)


@client_router.delete(
    "/trainers/{trainer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="removeTrainer",
    responses=problem_responses(401, 404),
)
async def remove_trainer(trainer_id: uuid.UUID, work: OwnWork) -> Response:
    """End a trainer's access to my data."""
    await work.run(trainers_service.end_link, trainer_id, by_trainer=False)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@client_router.get(
    "/access-log", operation_id="listAccessLog", responses=problem_responses(401, 422)
)
async def list_access_log(work: OwnWork, page: PageDep) -> AccessLogPage:
    """Every read and write a trainer made or tried on my data (refused ones answered 404
    after I withdrew access, or writes without logging rights), newest first."""
    return await work.run(trainers_service.access_log, page)
