"""What every logged record's write accepts beside its own fields: the members of its read
shape that the server owns, so that a body read with GET can be written back unchanged."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import Field

from api.schemas.common import FilterInstant, RequestModel, WholeNumber

Version = Annotated[int, Field(ge=1, strict=True), WholeNumber]
IGNORED = "Server-owned, as read back: accepted and ignored."


class ServerOwned(RequestModel):
    """`id`, `created_at`, `updated_at`, `created_by` and `version`, as a GET answers them."""

    id: uuid.UUID | None = Field(
        default=None,
        description="Server-owned, as read back: when sent, it must be the id in the path "
        "(PUT, PATCH; 422 otherwise). A POST may not send it: PUT to choose an id.",
    )
    # RFC 3339 with an offset, 1900 to 2999, like every instant a client sends.
    created_at: FilterInstant | None = Field(default=None, description=IGNORED)
    updated_at: FilterInstant | None = Field(default=None, description=IGNORED)
    created_by: uuid.UUID | None = Field(default=None, description=IGNORED)
    version: Version | None = Field(
        default=None,
        description=IGNORED + " To write only over the version you read, send `If-Match`.",
    )
