from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_type_hint import TokenTypeHint
from ..types import UNSET, Unset

T = TypeVar("T", bound="RevokeRequest")


@_attrs_define
class RevokeRequest:
    """RFC 7009 revocation request (form-encoded).

    Attributes:
        token (str | Unset): The refresh token to revoke (its whole sign-in ends). Required unless the request sends
            `X-Refresh-Cookie` and carries the refresh cookie.
        token_type_hint (TokenTypeHint | Unset):
    """

    token: str | Unset = UNSET
    token_type_hint: TokenTypeHint | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        token_type_hint: str | Unset = UNSET
        if not isinstance(self.token_type_hint, Unset):
            token_type_hint = self.token_type_hint.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if token_type_hint is not UNSET:
            field_dict["token_type_hint"] = token_type_hint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token", UNSET)

        _token_type_hint = d.pop("token_type_hint", UNSET)
        token_type_hint: TokenTypeHint | Unset
        if isinstance(_token_type_hint, Unset):
            token_type_hint = UNSET
        else:
            token_type_hint = TokenTypeHint(_token_type_hint)

        revoke_request = cls(
            token=token,
            token_type_hint=token_type_hint,
        )

        revoke_request.additional_properties = d
        return revoke_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
