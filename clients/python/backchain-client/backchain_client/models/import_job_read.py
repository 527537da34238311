from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_job_read_problem_type_0 import ImportJobReadProblemType0
    from ..models.import_result import ImportResult


T = TypeVar("T", bound="ImportJobRead")


@_attrs_define
class ImportJobRead:
    """
    Attributes:
        id (UUID):
        status (JobStatus):
        rows_done (int):
        rows_total (int):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        result (ImportResult | None): Set once the job is done.
        problem (ImportJobReadProblemType0 | None | Unset): The problem document when the import failed.
    """

    id: UUID
    status: JobStatus
    rows_done: int
    rows_total: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    result: ImportResult | None
    problem: ImportJobReadProblemType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_job_read_problem_type_0 import ImportJobReadProblemType0  # noqa: PLC0415
        from ..models.import_result import ImportResult  # noqa: PLC0415

        id = str(self.id)

        status = self.status.value

        rows_done = self.rows_done

        rows_total = self.rows_total

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        result: dict[str, Any] | None
        if isinstance(self.result, ImportResult):
            result = self.result.to_dict()
        else:
            result = self.result

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, ImportJobReadProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "rows_done": rows_done,
                "rows_total": rows_total,
                "created_at": created_at,
                "finished_at": finished_at,
                "result": result,
            }
        )
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_job_read_problem_type_0 import ImportJobReadProblemType0  # noqa: PLC0415
        from ..models.import_result import ImportResult  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = JobStatus(d.pop("status"))

        rows_done = d.pop("rows_done")

        rows_total = d.pop("rows_total")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_result(data: object) -> ImportResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ImportResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportResult | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_problem(data: object) -> ImportJobReadProblemType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = ImportJobReadProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportJobReadProblemType0 | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        import_job_read = cls(
            id=id,
            status=status,
            rows_done=rows_done,
            rows_total=rows_total,
            created_at=created_at,
            finished_at=finished_at,
            result=result,
            problem=problem,
        )

        import_job_read.additional_properties = d
        return import_job_read

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
