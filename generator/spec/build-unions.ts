/**
 * Tagged unions (`unions:`): a tag field's wire key and the variant record each tag value selects.
 * Shells first (so types can name a union before its variants are known), variants once the
 * records are complete. The union adds the tag field: a variant record must not declare it, and a
 * record is a variant of at most one union.
 */
import { diagnostic } from "../diagnostics.js";
import type { Record, TaggedUnion, TaggedVariant } from "../model.js";
import type { MutableRecord } from "./build-records.js";
import { unresolved } from "./lookup.js";
import type { NameIndex } from "./lookup.js";
import { asString, child, docs, entries, str } from "./read.js";
import type { Entry, Reader } from "./read.js";

export type MutableUnion = { -readonly [K in keyof TaggedUnion]: TaggedUnion[K] };

export function unionShell(r: Reader, entry: Entry): MutableUnion {
  const tag = str(r, entry.node, "tag");
  return {
    kind: "union",
    name: entry.name,
    ...docs(r, entry.node),
    span: entry.span,
    tag: tag?.value ?? "",
    tagSpan: tag?.span ?? entry.span,
    variants: [],
  };
}

export interface UnionScope {
  /** The records that made it into the model (complete), by name. */
  readonly records: ReadonlyMap<string, Record>;
  readonly index: NameIndex;
  /** The union each record is a variant of so far, to report a second one. */
  readonly variantOf: Map<Record, { union: TaggedUnion; span: TaggedVariant["span"] }>;
}

export function completeUnion(r: Reader, entry: Entry, union: MutableUnion, scope: UnionScope): void {
  const variants: TaggedVariant[] = [];
  const declared = entries(r, entry.node, "variants");
  if (declared.length === 0 && child(r, entry.node, "variants") !== undefined) {
    const message = `union ${entry.name} has no variants, so no value is one of it`;
    r.diagnostics.push(diagnostic("WD356", message, entry.span, { hint: `add a variant: "variants: { <tag value>: <record> }"` }));
  }
  for (const v of declared) {
    const name = asString(r, v.node);
    if (name === undefined) continue;
    const record = scope.records.get(name.value);
    if (record === undefined) {
      r.diagnostics.push(
        unresolved({
          code: "WD354",
          expected: "record",
          where: `variant "${v.name}" of union ${entry.name}`,
          name: name.value,
          span: name.span,
          candidates: scope.records.keys(),
          index: scope.index,
        }),
      );
      continue;
    }
    const tagField = record.fields.find((f) => f.key.value === union.tag);
    if (tagField !== undefined) {
      const message = `record ${record.name}, variant "${v.name}" of union ${entry.name}, declares the tag field "${union.tag}"`;
      r.diagnostics.push(
        diagnostic("WD347", message, name.span, {
          hint: `remove "${union.tag}" from record ${record.name}: the union adds it, with the value "${v.name}"`,
          related: [{ message: "declared here", span: tagField.span }],
        }),
      );
      continue;
    }
    const earlier = scope.variantOf.get(record);
    if (earlier !== undefined) {
      const message = `record ${record.name} is a variant of union ${entry.name} and of union ${earlier.union.name}`;
      r.diagnostics.push(
        diagnostic("WD348", message, name.span, {
          hint: `a record is a variant of one union; derive a copy with "from: ${record.name}" for the other`,
          related: [{ message: `variant of ${earlier.union.name} here`, span: earlier.span }],
        }),
      );
      continue;
    }
    scope.variantOf.set(record, { union, span: name.span });
    (record as MutableRecord).variantOf = { union, value: v.name };
    variants.push({ value: v.name, record, span: v.span });
  }
  union.variants = variants;
}
