// A worker: answers each job offer with a status, using the generated package's constants,
// types and validators.
import { JobState, Topic } from '@acme/proto/defs'
import { validatePayload, type JobStatusPayload } from '@acme/proto/messages'

export interface Message {
  readonly topic: string
  readonly payload: unknown
}

/** The reply to a message: a JOB_STATUS for a valid JOB_OFFERED, else the validation errors. */
export function reply(message: Message): Message | { readonly errors: readonly string[] } {
  if (message.topic !== Topic.JOB_OFFERED) return { errors: [`not an offer: ${message.topic}`] }
  const checked = validatePayload(Topic.JOB_OFFERED, message.payload)
  if (!checked.ok) return { errors: checked.errors.map((e) => `${e.path.join('.')}: ${e.message}`) }
  const status: JobStatusPayload = { job_id: checked.value.job_id, state: JobState.RUNNING }
  return { topic: Topic.JOB_STATUS, payload: status }
}
