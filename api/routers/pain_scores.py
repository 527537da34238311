"""Pain scores of a user: `/v1/users/{user}/pain-scores` with the shared sync semantics."""

from api.routers.records import build_record_router
from api.schemas.pain_scores import PainScorePage, PainScorePatch, PainScoreRead, PainScoreWrite
from api.services import pain_scores as pain_scores_service

router = build_record_router(
    pain_scores_service.KIND,
    singular="PainScore",
    plural="PainScores",
    write_schema=PainScoreWrite,
    patch_schema=PainScorePatch,
    read_schema=PainScoreRead,
    page_schema=PainScorePage,
    tag="pain-scores",
)
