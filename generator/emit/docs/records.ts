/** Records: fields, cross-field rules as sentences, and the verify function's signature. */
import type { CrossFieldRule, Field, Record, TaggedUnion, Verify } from "../../model.js";
import { changedPresence } from "../value-types.js";
import { camelCase, snakeCase } from "../../names/case.js";
import { deprecatedCell, heading, itemDoc, type Block } from "./blocks.js";
import { docBlock } from "./doc-block.js";
import { anchor } from "./anchors.js";
import { keyAnchor, recordAnchor, recordLink, typeText, unionAnchor, unionLink } from "./links.js";
import { cell, code, fenced, flat, link } from "./markdown.js";
import type { Refs } from "./refs.js";
import { table } from "./table.js";

const FIELD_HEADERS = ["Name", "Wire value", "Type", "Presence", "Description", "Deprecated"] as const;

export function recordBlocks(r: Record, refs: Refs): Block[] {
  const blocks: Block[] = [heading(3, code(r.name, "text"), recordAnchor(r)), ...itemDoc(r)];
  const others = r.unknownKeys === "allow" ? "Other keys are allowed." : "No other keys are allowed.";
  const origin =
    r.keySet !== undefined
      ? `Keys from ${link(code(r.keySet.name, "text"), anchor("keys", r.keySet.name))}.`
      : r.base !== undefined
        ? derivedText(r.base, r)
        : "Fields declared in the record.";
  blocks.push([`${origin} ${others}`]);
  if (r.variantOf !== undefined) {
    const { union, value } = r.variantOf;
    blocks.push([`A variant of ${unionLink(union)}: its ${code(union.tag, "text")} is ${code(JSON.stringify(value), "text")}.`]);
  }
  blocks.push(
    table(
      FIELD_HEADERS,
      r.fields.map((f) => fieldRow(f, refs)),
    ),
  );
  if (r.rules.length > 0)
    blocks.push(
      ["Rules:"],
      r.rules.map((rule) => `- ${ruleText(rule)}`),
    );
  if (r.verify !== undefined) blocks.push(...verifyBlocks(r.verify));
  return blocks;
}

/** "The fields of [`Source`], with `path` required." */
function derivedText(base: Record, r: Record): string {
  const { required, optional } = changedPresence(r);
  const list = (fields: readonly Field[]): string => fields.map((f) => code(f.key.value, "text")).join(", ");
  const changes = [
    ...(required.length > 0 ? [`${list(required)} required`] : []),
    ...(optional.length > 0 ? [`${list(optional)} optional`] : []),
  ];
  return `The fields of ${recordLink(base)}${changes.length === 0 ? "" : `, with ${changes.join(" and ")}`}.`;
}

function fieldRow(f: Field, refs: Refs): string[] {
  const k = f.key;
  return [
    // A local field has no key-set row to link to.
    f.local ? code(k.name) : link(code(k.name), keyAnchor(refs, k)),
    code(k.value),
    typeText(f.type),
    f.required ? "required" : "optional",
    cell(k.doc),
    deprecatedCell(k),
  ];
}

/** "If `a` is `x`, `b` must be one of `y`, `z`." followed by the rule's doc and id. */
export function ruleText(rule: CrossFieldRule): string {
  const when = oneOf(rule.if.values, "is");
  const then = oneOf(rule.then.values, "must be");
  const doc = flat(rule.doc, "text");
  return `If ${code(rule.if.key.value, "text")} ${when}, ${code(rule.then.key.value, "text")} ${then}.${
    doc === "" ? "" : ` ${doc}`
  } (rule ${code(rule.id, "text")})`;
}

/** Rule values are wire values. */
function oneOf(values: readonly string[], verb: string): string {
  const shown = values.map((v) => code(v, "text"));
  return shown.length === 1 ? `${verb} ${shown[0] ?? ""}` : `${verb} one of ${shown.join(", ")}`;
}

function verifyBlocks(v: Verify): Block[] {
  const python = snakeCase(v.function);
  const params = v.expects.map((e) => `    ${e.param}: Optional[str] = None,`);
  const blocks: Block[] = [
    [`Verify function ${code(python, "text")} (TypeScript: ${code(camelCase(v.function), "text")}):`],
    fenced("python", [`def ${python}(`, `    ${v.argument}: ${v.containerType},`, ...params, ")"]),
  ];
  const doc = docBlock(v.doc);
  if (doc.length > 0) blocks.push(doc);
  blocks.push(
    table(
      ["Parameter", "Checks", "Description"],
      [
        [
          code(v.argument),
          `is a ${code(v.containerType)}; its ${code(v.attribute)} holds the record`,
          cell(v.argumentDoc),
        ],
        ...v.expects.map((e) => [code(e.param), `${code(e.key.value)} equals it when given`, cell(e.doc)]),
      ],
    ),
  );
  blocks.push([
    `Raises ${code("ValueError", "text")} (TypeScript: throws ${code("Error", "text")}) when the argument is not a ${code(
      v.containerType,
      "text",
    )}, a required field is missing, or a value differs from the expected one.`,
  ]);
  return blocks;
}

/** A tagged union: its tag field and which record each tag value selects. */
export function unionBlocks(u: TaggedUnion): Block[] {
  return [
    heading(3, code(u.name, "text"), unionAnchor(u)),
    ...itemDoc(u),
    [`Told apart by ${code(u.tag, "text")}; a value whose ${code(u.tag, "text")} is none of these is invalid.`],
    table(
      ["Tag value", "Record"],
      u.variants.map((v) => [code(JSON.stringify(v.value)), recordLink(v.record)]),
    ),
  ];
}
