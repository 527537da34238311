import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.benchmarks_read import BenchmarksRead
from ...models.list_benchmarks_lift import ListBenchmarksLift
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    lift: ListBenchmarksLift | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_lift: str | Unset = UNSET
    if not isinstance(lift, Unset):
        json_lift = lift.value

    params["lift"] = json_lift

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/benchmarks".format(
            user=quote(str(user), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BenchmarksRead | Problem | None:
    if response.status_code == 200:
        response_200 = BenchmarksRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BenchmarksRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    lift: ListBenchmarksLift | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[BenchmarksRead | Problem]:
    """List Benchmarks

     Best e1RM per day for deadlift, hip thrust, pull-ups and every other scored lift.

    Args:
        user (str): `me` or a user id.
        lift (ListBenchmarksLift | Unset):
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BenchmarksRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        lift=lift,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    lift: ListBenchmarksLift | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> BenchmarksRead | Problem | None:
    """List Benchmarks

     Best e1RM per day for deadlift, hip thrust, pull-ups and every other scored lift.

    Args:
        user (str): `me` or a user id.
        lift (ListBenchmarksLift | Unset):
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BenchmarksRead | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        lift=lift,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    lift: ListBenchmarksLift | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[BenchmarksRead | Problem]:
    """List Benchmarks

     Best e1RM per day for deadlift, hip thrust, pull-ups and every other scored lift.

    Args:
        user (str): `me` or a user id.
        lift (ListBenchmarksLift | Unset):
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BenchmarksRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        lift=lift,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    lift: ListBenchmarksLift | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> BenchmarksRead | Problem | None:
    """List Benchmarks

     Best e1RM per day for deadlift, hip thrust, pull-ups and every other scored lift.

    Args:
        user (str): `me` or a user id.
        lift (ListBenchmarksLift | Unset):
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BenchmarksRead | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            lift=lift,
            from_=from_,
            to=to,
        )
    ).parsed
