"""Bodyweights of a user: `/v1/users/{user}/bodyweights` with the shared sync semantics."""

from api.routers.records import build_record_router
from api.schemas.bodyweights import BodyweightPage, BodyweightPatch, BodyweightRead, BodyweightWrite
from api.services import bodyweights as bodyweights_service

router = build_record_router(
    bodyweights_service.KIND,
    singular="Bodyweight",
    plural="Bodyweights",
    write_schema=BodyweightWrite,
    patch_schema=BodyweightPatch,
    read_schema=BodyweightRead,
    page_schema=BodyweightPage,
    tag="bodyweights",
)
