// A consumer of the generated TypeScript for protocol.yaml (generated/ts), compiled with every strict flag and
// run: the maps type a `send`, the guards narrow, the validators report, the verifier throws.
import {
  ModelBufferType,
  Topic,
  VerifyError,
  isHelloPayload,
  validateModelExchangeMeta,
  validatePayload,
  verifyPayload,
  type ModelExchangeMeta,
  type PayloadByTopic,
  type RepliesByTopic,
  type TopicWithPayload,
} from "../../../generated/ts/index.js";

const sent: string[] = [];
function send<T extends TopicWithPayload>(topic: T, payload: PayloadByTopic[T]): void {
  sent.push(`${topic} ${JSON.stringify(payload)}`);
}

send(Topic.HELLO, { session_id: "s1", job_id: "j1", site_name: "site-1", trainer_fqcn: "site-1.t", rank: 0, protocol_version: 1 });
send(Topic.HELLO_ACCEPTED, {});
/** Never called: only checks that the compiler rejects these. */
export function typeErrors(): void {
  // @ts-expect-error rank must be a number
  send(Topic.HELLO, { session_id: "s1", job_id: "j1", site_name: "s", trainer_fqcn: "t", rank: "0", protocol_version: 1 });
  // @ts-expect-error proof is required
  send(Topic.HELLO_PROOF, {});
}

const accepted: RepliesByTopic[typeof Topic.HELLO_PROOF] = Topic.HELLO_ACCEPTED;
// @ts-expect-error BYE is not a reply to HELLO_PROOF
const notAReply: RepliesByTopic[typeof Topic.HELLO_PROOF] = Topic.BYE;
const noReply: RepliesByTopic[typeof Topic.BYE][] = [];

const meta: ModelExchangeMeta = {
  model_buffer_type: ModelBufferType.EXECUTORCH,
  model_buffer_native_format: "binary",
  model_buffer_encoding: "base64",
};
// @ts-expect-error not an encoding
const badMeta: ModelExchangeMeta = { ...meta, model_buffer_encoding: "rot13" };

const incoming: unknown = JSON.parse('{"session_id":"s","job_id":"j","site_name":"x","trainer_fqcn":"t","rank":1,"protocol_version":1.0}');
if (isHelloPayload(incoming)) sent.push(`guarded rank ${incoming.rank + 1}`);

const result = validatePayload(Topic.TASK_READY, JSON.parse('{"task_id": 7, "model": null}'));
if (result.ok) sent.push(`unexpected ${result.value.task_id}`);
else for (const e of result.errors) sent.push(`${e.code} ${JSON.stringify(e.path)} ${e.message}`);

const rule = validateModelExchangeMeta({ ...meta, model_buffer_native_format: "string" });
if (!rule.ok) sent.push(rule.errors.map((e) => e.code).join(","));

class Dxo {
  readonly meta: ModelExchangeMeta;
  constructor(meta: ModelExchangeMeta) {
    this.meta = meta;
  }
}
verifyPayload(new Dxo(meta), { expectedType: ModelBufferType.EXECUTORCH });
for (const attempt of [
  () => verifyPayload(42),
  () => verifyPayload({ meta: {} }),
  () => verifyPayload(new Dxo(meta), { expectedType: ModelBufferType.PYTORCH }),
]) {
  try {
    attempt();
  } catch (e) {
    if (e instanceof VerifyError) sent.push(`VerifyError: ${e.message}`);
  }
}

void accepted;
void notAReply;
void noReply;
void badMeta;
console.log(sent.join("\n"));
