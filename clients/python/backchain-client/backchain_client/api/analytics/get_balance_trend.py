import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.balance_trend_read import BalanceTrendRead
from ...models.get_balance_trend_measure import GetBalanceTrendMeasure
from ...models.get_balance_trend_method import GetBalanceTrendMethod
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    measure: GetBalanceTrendMeasure | Unset = GetBalanceTrendMeasure.STRENGTH,
    method: GetBalanceTrendMethod | Unset = GetBalanceTrendMethod.PCB_2,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_measure: str | Unset = UNSET
    if not isinstance(measure, Unset):
        json_measure = measure.value

    params["measure"] = json_measure

    json_method: str | Unset = UNSET
    if not isinstance(method, Unset):
        json_method = method.value

    params["method"] = json_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/balance/trend".format(
            user=quote(str(user), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BalanceTrendRead | Problem | None:
    if response.status_code == 200:
        response_200 = BalanceTrendRead.from_dict(response.json())

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
) -> Response[BalanceTrendRead | Problem]:
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    measure: GetBalanceTrendMeasure | Unset = GetBalanceTrendMeasure.STRENGTH,
    method: GetBalanceTrendMethod | Unset = GetBalanceTrendMethod.PCB_2,
) -> Response[BalanceTrendRead | Problem]:
    """Get Balance Trend

     Snapshots at each training date with an index, their Theil–Sen trend and EWMA.

    Args:
        user (str): `me` or a user id.
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.
        measure (GetBalanceTrendMeasure | Unset): `strength` (B) or `volume` (V, pcb-2 only).
            Default: GetBalanceTrendMeasure.STRENGTH.
        method (GetBalanceTrendMethod | Unset): The method: `pcb-2` (every exercise, volume) or
            `pcb-1` (ten lifts). Default: GetBalanceTrendMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalanceTrendRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        from_=from_,
        to=to,
        measure=measure,
        method=method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    measure: GetBalanceTrendMeasure | Unset = GetBalanceTrendMeasure.STRENGTH,
    method: GetBalanceTrendMethod | Unset = GetBalanceTrendMethod.PCB_2,
) -> BalanceTrendRead | Problem | None:
    """Get Balance Trend

     Snapshots at each training date with an index, their Theil–Sen trend and EWMA.

    Args:
        user (str): `me` or a user id.
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.
        measure (GetBalanceTrendMeasure | Unset): `strength` (B) or `volume` (V, pcb-2 only).
            Default: GetBalanceTrendMeasure.STRENGTH.
        method (GetBalanceTrendMethod | Unset): The method: `pcb-2` (every exercise, volume) or
            `pcb-1` (ten lifts). Default: GetBalanceTrendMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalanceTrendRead | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        from_=from_,
        to=to,
        measure=measure,
        method=method,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    measure: GetBalanceTrendMeasure | Unset = GetBalanceTrendMeasure.STRENGTH,
    method: GetBalanceTrendMethod | Unset = GetBalanceTrendMethod.PCB_2,
) -> Response[BalanceTrendRead | Problem]:
    """Get Balance Trend

     Snapshots at each training date with an index, their Theil–Sen trend and EWMA.

    Args:
        user (str): `me` or a user id.
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.
        measure (GetBalanceTrendMeasure | Unset): `strength` (B) or `volume` (V, pcb-2 only).
            Default: GetBalanceTrendMeasure.STRENGTH.
        method (GetBalanceTrendMethod | Unset): The method: `pcb-2` (every exercise, volume) or
            `pcb-1` (ten lifts). Default: GetBalanceTrendMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalanceTrendRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        from_=from_,
        to=to,
        measure=measure,
        method=method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    measure: GetBalanceTrendMeasure | Unset = GetBalanceTrendMeasure.STRENGTH,
    method: GetBalanceTrendMethod | Unset = GetBalanceTrendMethod.PCB_2,
) -> BalanceTrendRead | Problem | None:
    """Get Balance Trend

     Snapshots at each training date with an index, their Theil–Sen trend and EWMA.

    Args:
        user (str): `me` or a user id.
        from_ (datetime.date | None | Unset): First local date (YYYY-MM-DD), inclusive.
        to (datetime.date | None | Unset): Last local date (YYYY-MM-DD), inclusive.
        measure (GetBalanceTrendMeasure | Unset): `strength` (B) or `volume` (V, pcb-2 only).
            Default: GetBalanceTrendMeasure.STRENGTH.
        method (GetBalanceTrendMethod | Unset): The method: `pcb-2` (every exercise, volume) or
            `pcb-1` (ten lifts). Default: GetBalanceTrendMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalanceTrendRead | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            from_=from_,
            to=to,
            measure=measure,
            method=method,
        )
    ).parsed
