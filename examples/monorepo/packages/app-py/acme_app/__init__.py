"""A scheduler: offers jobs and reads workers' statuses with the generated package."""

from typing import Optional

from acme_proto.defs import JobState, Topic
from acme_proto.messages import JobOfferedPayload, parse_job_status_payload


def offer(job_id: str, attempt: Optional[int] = None) -> tuple[str, JobOfferedPayload]:
    """The JOB_OFFERED message for a job."""
    payload: JobOfferedPayload = {"job_id": job_id}
    if attempt is not None:
        payload["attempt"] = attempt
    return Topic.JOB_OFFERED, payload


def is_finished(payload: object) -> bool:
    """Whether a JOB_STATUS payload says the job is done; raises on an invalid payload."""
    status = parse_job_status_payload(payload)
    return status["state"] == JobState.DONE
