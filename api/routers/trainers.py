"""Trainers: invitations, the roster, private notes; clients: their trainers and access log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from api.deps import CurrentUser, SessionDep
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
def create_invitation(
    data: InvitationCreate, user: CurrentUser, session: SessionDep
) -> InvitationCreated:
    """Invite a client; the code is shown only in this answer."""
    return trainers_service.create_invitation(session, user, data)


@trainer_router.get(
    "/invitations", operation_id="listInvitations", responses=problem_responses(401)
)
def list_invitations(user: CurrentUser, session: SessionDep) -> InvitationList:
    """My invitations with status pending, accepted, revoked or expired."""
    return trainers_service.list_invitations(session, user)


@trainer_router.delete(
    "/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeInvitation",
    responses=problem_responses(401, 404, 409),
)
def revoke_invitation(invitation_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    """Revoke one of my pending invitations."""
    trainers_service.revoke_invitation(session, user, invitation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@trainer_router.get("/clients", operation_id="listClients", responses=problem_responses(401, 422))
def list_clients(
    user: CurrentUser,
    session: SessionDep,
    page: PageDep,
    flag: FlagCode | None = None,
    sort: Annotated[RosterSort, Query(description="`flags` (most first) by default.")] = (
        RosterSort.flags
    ),
) -> RosterPage:
    """My roster: each client's balance, pain, flags (explained) and adherence."""
    return trainers_service.roster(
        session, user, page, flag=flag.value if flag else None, sort=sort
    )


@trainer_router.get(
    "/clients.csv",
    operation_id="exportClients",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}}, "description": "The roster as CSV."},
        **problem_responses(401, 422),
    },
)
def export_clients(
    user: CurrentUser,
    session: SessionDep,
    sort: RosterSort = RosterSort.flags,
) -> StreamingResponse:
    """My roster as CSV, one row per client (flags joined with `|`)."""
    return StreamingResponse(
        trainers_service.roster_csv(session, user, sort=sort),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="backchain-clients.csv"'},
    )


@trainer_router.delete(
    "/clients/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="endClientLink",
    responses=problem_responses(401, 404),
)
def end_client_link(client_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    """Stop training this client; their data is no longer visible (my notes stay mine)."""
    trainers_service.end_link(session, trainer_id=user.id, client_id=client_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@trainer_router.get(
    "/clients/{client_id}/notes",
    operation_id="listClientNotes",
    responses=problem_responses(401, 404),
)
def list_client_notes(client_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> NoteList:
    """My private notes on a client, newest first."""
    return trainers_service.list_notes(session, user, client_id)


@trainer_router.post(
    "/clients/{client_id}/notes",
    status_code=status.HTTP_201_CREATED,
    operation_id="createClientNote",
    responses=problem_responses(401, 404, 422),
)
def create_client_note(
    client_id: uuid.UUID, data: NoteCreate, user: CurrentUser, session: SessionDep
) -> NoteRead:
    """A private note on a current client (the client never sees it)."""
    return trainers_service.create_note(session, user, client_id, data)


@trainer_router.patch(
    "/clients/{client_id}/notes/{note_id}",
    operation_id="updateClientNote",
    responses=problem_responses(401, 404, 422),
)
def update_client_note(
    client_id: uuid.UUID,
    note_id: uuid.UUID,
    data: NoteUpdate,
    user: CurrentUser,
    session: SessionDep,
) -> NoteRead:
    """Change one of my notes."""
    return trainers_service.update_note(session, user, client_id, note_id, data)


@trainer_router.delete(
    "/clients/{client_id}/notes/{note_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteClientNote",
    responses=problem_responses(401, 404),
)
def delete_client_note(
    client_id: uuid.UUID, note_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Response:
    """Delete one of my notes."""
    trainers_service.delete_note(session, user, client_id, note_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@client_router.post(
    "/trainers",
    status_code=status.HTTP_201_CREATED,
    operation_id="acceptInvitation",
    responses=problem_responses(401, 404, 409, 422, 429),
)
def accept_invitation(
    data: InvitationAccept, user: CurrentUser, session: SessionDep, throttle: AcceptThrottle
) -> TrainerLinkRead:
    """Accept a trainer's code; an expired, revoked, used or unknown code is 404 alike, and
    one's own code 409."""
    return trainers_service.accept_invitation(session, user, data.code, throttle)


@client_router.get("/trainers", operation_id="listTrainers", responses=problem_responses(401))
def list_trainers(user: CurrentUser, session: SessionDep) -> TrainerList:
    """My active trainers."""
    return trainers_service.list_trainers(session, user)


@client_router.patch(
    "/trainers/{trainer_id}",
    operation_id="updateTrainer",
    responses=problem_responses(401, 404, 422),
)
def update_trainer(
    trainer_id: uuid.UUID, data: TrainerLinkUpdate, user: CurrentUser, session: SessionDep
) -> TrainerLinkRead:
    """Grant or withdraw a trainer's permission to log for me."""
    return trainers_service.update_trainer(session, user, trainer_id, can_log=data.can_log)


@client_router.delete(
    "/trainers/{trainer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="removeTrainer",
    responses=problem_responses(401, 404),
)
def remove_trainer(trainer_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    """End a trainer's access to my data."""
    trainers_service.end_link(session, trainer_id=trainer_id, client_id=user.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@client_router.get(
    "/access-log", operation_id="listAccessLog", responses=problem_responses(401, 422)
)
def list_access_log(user: CurrentUser, session: SessionDep, page: PageDep) -> AccessLogPage:
    """Every read and write a trainer made or tried on my data (refused ones answered 404
    after I withdrew access, or writes without logging rights), newest first."""
    return trainers_service.access_log(session, user, page)
