import assert from 'node:assert/strict'
import { test } from 'node:test'
import { reply } from '../dist/worker.js'

test('a valid offer gets a running status', () => {
  const out = reply({ topic: 'acme.job_offered', payload: { job_id: 'j1', attempt: 2 } })
  assert.deepEqual(out, { topic: 'acme.job_status', payload: { job_id: 'j1', state: 'running' } })
})

test('an offer without a job id is refused with the validator\'s reason', () => {
  const out = reply({ topic: 'acme.job_offered', payload: { attempt: 1 } })
  assert.ok('errors' in out)
  assert.equal(out.errors.length, 1)
  assert.match(out.errors[0], /job_id/)
})

test('an attempt that is not an integer is refused', () => {
  const out = reply({ topic: 'acme.job_offered', payload: { job_id: 'j1', attempt: 'two' } })
  assert.ok('errors' in out)
  assert.match(out.errors[0], /^attempt: /)
})
