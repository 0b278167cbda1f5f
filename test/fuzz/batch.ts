/**
 * A batch of random specs: drawn from seeds, split into accepted and rejected by the pure
 * `generate()`, and the accepted ones written into one temp tree (a directory per spec) so the
 * heavy tools run once over the whole batch.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { generate } from "../../generator/index.js";
import type { Diagnostic } from "../../generator/diagnostics.js";
import type { GeneratedFile } from "../../generator/model.js";
import { namesOf } from "../../generator/targets.js";
import { generatedView, type Generated } from "../messages/pipeline.js";
import { specArbitrary, type FuzzSpec } from "./spec-arbitrary.js";

export interface Sample {
  readonly seed: number;
  /** The sample's position in `fc.sample(specArbitrary, { seed, numRuns })`. */
  readonly index: number;
  readonly spec: FuzzSpec;
}

export interface Accepted extends Sample {
  /** `sNN`: the spec's directory under the batch root. */
  readonly id: string;
  readonly gen: Generated;
}

export interface Rejected extends Sample {
  readonly diagnostics: readonly Diagnostic[];
}

export function draw(seed: number, count: number): Sample[] {
  if (count <= 0) return [];
  return fc.sample(specArbitrary, { seed, numRuns: count }).map((spec, index) => ({ seed, index, spec }));
}

/** Reproduces one sample: `fc.sample` from the seed, the index-th value. */
export function sampleAt(seed: number, index: number): Sample {
  const spec = draw(seed, index + 1)[index];
  if (spec === undefined) throw new Error(`no sample ${index} for seed ${seed}`);
  return spec;
}

export function describeSample(s: Sample): string {
  return `seed ${s.seed} index ${s.index}`;
}

/** Splits samples into accepted and rejected (the generator must not throw on either). */
export function classify(samples: readonly Sample[]): { accepted: Sample[]; rejected: Rejected[] } {
  const accepted: Sample[] = [];
  const rejected: Rejected[] = [];
  for (const s of samples) {
    const result = generate(s.spec.text, s.spec.file);
    if (result.ok) accepted.push(s);
    else rejected.push({ ...s, diagnostics: result.diagnostics });
  }
  return { accepted, rejected };
}

/** Generates each sample into `root/sNN/` with its protocol.yaml. */
export function writeBatch(samples: readonly Sample[]): { root: string; specs: Accepted[] } {
  const root = mkdtempSync(join(tmpdir(), "wiredefs-fuzz-"));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  const specs = samples.map((s, i): Accepted => {
    const id = `s${String(i).padStart(2, "0")}`;
    const result = generate(s.spec.text, s.spec.file);
    if (!result.ok) throw new Error(`${describeSample(s)} was accepted once and rejected now`);
    const names = namesOf(result.protocol).names;
    const dir = join(root, id);
    const files: readonly GeneratedFile[] = result.files;
    write(dir, "protocol.yaml", s.spec.text);
    for (const f of files) write(dir, f.path, f.text);
    const gen = generatedView(result.protocol, names, files, dir);
    return { ...s, id, gen };
  });
  return { root, specs };
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
