"""All ORM models, imported here so `Base.metadata` is complete for Alembic and tests."""

from app.db.models.area import Area
from app.db.models.audit_event import AuditEvent
from app.db.models.edit_token import EditToken
from app.db.models.ingest_run import IngestRun
from app.db.models.match_decision import MatchDecision
from app.db.models.organisation import FieldProvenance, Organisation
from app.db.models.postcode import Postcode
from app.db.models.source_record import SourceRecord
from app.db.models.submission import Submission
from app.db.models.suppression import Suppression
from app.db.models.user import User
from app.db.models.user_session import UserSession

__all__ = [
    "Area",
    "AuditEvent",
    "EditToken",
    "FieldProvenance",
    "IngestRun",
    "MatchDecision",
    "Organisation",
    "Postcode",
    "SourceRecord",
    "Submission",
    "Suppression",
    "User",
    "UserSession",
]
