"""Contains all the data models used in inputs/outputs"""

from .access_log_page import AccessLogPage
from .access_log_read import AccessLogRead
from .alias_read import AliasRead
from .association_read import AssociationRead
from .balance_point import BalancePoint
from .balance_read import BalanceRead
from .balance_trend_read import BalanceTrendRead
from .band import Band
from .batch_operation import BatchOperation
from .batch_operation_body_type_0 import BatchOperationBodyType0
from .batch_operation_method import BatchOperationMethod
from .batch_request import BatchRequest
from .batch_response import BatchResponse
from .batch_result import BatchResult
from .batch_result_body_type_0 import BatchResultBodyType0
from .benchmarks_read import BenchmarksRead
from .body_region import BodyRegion
from .bodyweight_page import BodyweightPage
from .bodyweight_patch import BodyweightPatch
from .bodyweight_read import BodyweightRead
from .bodyweight_write import BodyweightWrite
from .chain import Chain
from .change_op import ChangeOp
from .change_read import ChangeRead
from .changes_page import ChangesPage
from .coverage_read import CoverageRead
from .create_import_files_body import CreateImportFilesBody
from .dated_value import DatedValue
from .delimiter import Delimiter
from .e1_rm_point import E1RmPoint
from .excluded_set import ExcludedSet
from .exercise_brief import ExerciseBrief
from .exercise_create import ExerciseCreate
from .exercise_page import ExercisePage
from .exercise_read import ExerciseRead
from .exercise_suggestion import ExerciseSuggestion
from .exercise_update import ExerciseUpdate
from .export_dataset import ExportDataset
from .field_error_model import FieldErrorModel
from .flag import Flag
from .flag_code import FlagCode
from .get_balance_at_type_1 import GetBalanceAtType1
from .get_balance_method import GetBalanceMethod
from .get_balance_trend_measure import GetBalanceTrendMeasure
from .get_balance_trend_method import GetBalanceTrendMethod
from .grant_type import GrantType
from .health import Health
from .import_format import ImportFormat
from .import_job_read import ImportJobRead
from .import_job_read_problem_type_0 import ImportJobReadProblemType0
from .import_result import ImportResult
from .import_row_error import ImportRowError
from .invitation_accept import InvitationAccept
from .invitation_create import InvitationCreate
from .invitation_created import InvitationCreated
from .invitation_list import InvitationList
from .invitation_read import InvitationRead
from .invitation_status import InvitationStatus
from .job_status import JobStatus
from .lag_association import LagAssociation
from .lift_balance import LiftBalance
from .lift_benchmark import LiftBenchmark
from .list_benchmarks_lift import ListBenchmarksLift
from .load_type import LoadType
from .logout_request import LogoutRequest
from .method_read import MethodRead
from .method_read_lifts_type_0 import MethodReadLiftsType0
from .method_read_lifts_type_1_item import MethodReadLiftsType1Item
from .method_read_pain_bands_item import MethodReadPainBandsItem
from .name_source import NameSource
from .note_create import NoteCreate
from .note_list import NoteList
from .note_read import NoteRead
from .note_update import NoteUpdate
from .pain_band import PainBand
from .pain_change_read import PainChangeRead
from .pain_context import PainContext
from .pain_direction import PainDirection
from .pain_latest import PainLatest
from .pain_latest_by_region import PainLatestByRegion
from .pain_point import PainPoint
from .pain_region import PainRegion
from .pain_score_page import PainScorePage
from .pain_score_patch import PainScorePatch
from .pain_score_read import PainScoreRead
from .pain_score_write import PainScoreWrite
from .pain_series import PainSeries
from .pain_trend_read import PainTrendRead
from .password_change import PasswordChange
from .person import Person
from .problem import Problem
from .readiness import Readiness
from .reference import Reference
from .region_balance import RegionBalance
from .regions_balance import RegionsBalance
from .resolve_request import ResolveRequest
from .resolve_result import ResolveResult
from .resolved_name import ResolvedName
from .resource_name import ResourceName
from .role import Role
from .roster_balance import RosterBalance
from .roster_entry import RosterEntry
from .roster_page import RosterPage
from .roster_pain import RosterPain
from .roster_sort import RosterSort
from .set_read import SetRead
from .set_type import SetType
from .set_write import SetWrite
from .sex import Sex
from .side import Side
from .suggestion_read import SuggestionRead
from .summary_balance import SummaryBalance
from .summary_read import SummaryRead
from .summary_volume import SummaryVolume
from .token_pair import TokenPair
from .token_request import TokenRequest
from .trainer_link_read import TrainerLinkRead
from .trainer_link_update import TrainerLinkUpdate
from .trainer_list import TrainerList
from .trend_direction import TrendDirection
from .trend_read import TrendRead
from .trend_status import TrendStatus
from .unit import Unit
from .unknown_exercise import UnknownExercise
from .user_read import UserRead
from .user_register import UserRegister
from .user_update import UserUpdate
from .volume_read import VolumeRead
from .volume_region import VolumeRegion
from .volume_regions import VolumeRegions
from .workout_page import WorkoutPage
from .workout_patch import WorkoutPatch
from .workout_read import WorkoutRead
from .workout_write import WorkoutWrite

__all__ = (
    "AccessLogPage",
    "AccessLogRead",
    "AliasRead",
    "AssociationRead",
    "BalancePoint",
    "BalanceRead",
    "BalanceTrendRead",
    "Band",
    "BatchOperation",
    "BatchOperationBodyType0",
    "BatchOperationMethod",
    "BatchRequest",
    "BatchResponse",
    "BatchResult",
    "BatchResultBodyType0",
    "BenchmarksRead",
    "BodyRegion",
    "BodyweightPage",
    "BodyweightPatch",
    "BodyweightRead",
    "BodyweightWrite",
    "Chain",
    "ChangeOp",
    "ChangeRead",
    "ChangesPage",
    "CoverageRead",
    "CreateImportFilesBody",
    "DatedValue",
    "Delimiter",
    "E1RmPoint",
    "ExcludedSet",
    "ExerciseBrief",
    "ExerciseCreate",
    "ExercisePage",
    "ExerciseRead",
    "ExerciseSuggestion",
    "ExerciseUpdate",
    "ExportDataset",
    "FieldErrorModel",
    "Flag",
    "FlagCode",
    "GetBalanceAtType1",
    "GetBalanceMethod",
    "GetBalanceTrendMeasure",
    "GetBalanceTrendMethod",
    "GrantType",
    "Health",
    "ImportFormat",
    "ImportJobRead",
    "ImportJobReadProblemType0",
    "ImportResult",
    "ImportRowError",
    "InvitationAccept",
    "InvitationCreate",
    "InvitationCreated",
    "InvitationList",
    "InvitationRead",
    "InvitationStatus",
    "JobStatus",
    "LagAssociation",
    "LiftBalance",
    "LiftBenchmark",
    "ListBenchmarksLift",
    "LoadType",
    "LogoutRequest",
    "MethodRead",
    "MethodReadLiftsType0",
    "MethodReadLiftsType1Item",
    "MethodReadPainBandsItem",
    "NameSource",
    "NoteCreate",
    "NoteList",
    "NoteRead",
    "NoteUpdate",
    "PainBand",
    "PainChangeRead",
    "PainContext",
    "PainDirection",
    "PainLatest",
    "PainLatestByRegion",
    "PainPoint",
    "PainRegion",
    "PainScorePage",
    "PainScorePatch",
    "PainScoreRead",
    "PainScoreWrite",
    "PainSeries",
    "PainTrendRead",
    "PasswordChange",
    "Person",
    "Problem",
    "Readiness",
    "Reference",
    "RegionBalance",
    "RegionsBalance",
    "ResolvedName",
    "ResolveRequest",
    "ResolveResult",
    "ResourceName",
    "Role",
    "RosterBalance",
    "RosterEntry",
    "RosterPage",
    "RosterPain",
    "RosterSort",
    "SetRead",
    "SetType",
    "SetWrite",
    "Sex",
    "Side",
    "SuggestionRead",
    "SummaryBalance",
    "SummaryRead",
    "SummaryVolume",
    "TokenPair",
    "TokenRequest",
    "TrainerLinkRead",
    "TrainerLinkUpdate",
    "TrainerList",
    "TrendDirection",
    "TrendRead",
    "TrendStatus",
    "Unit",
    "UnknownExercise",
    "UserRead",
    "UserRegister",
    "UserUpdate",
    "VolumeRead",
    "VolumeRegion",
    "VolumeRegions",
    "WorkoutPage",
    "WorkoutPatch",
    "WorkoutRead",
    "WorkoutWrite",
)
