/**
 * The diagnostic codes of the spec stage: WD1xx reading YAML, WD2xx structure, WD3xx semantics.
 * Registered once at module load; everything in generator/spec/ creates diagnostics from these.
 */
import { registerCodes } from "../diagnostics.js";

registerCodes({
  // Reading YAML
  WD101: { severity: "error", title: "YAML syntax error" },
  WD102: { severity: "error", title: "duplicate key in a mapping" },
  WD103: { severity: "error", title: "anchors and aliases are not allowed" },
  WD104: { severity: "error", title: "merge keys (<<) are not allowed" },
  WD105: { severity: "error", title: "explicit tags are not allowed" },
  WD106: { severity: "error", title: "directives (%YAML, %TAG) are not allowed" },
  WD107: { severity: "error", title: "the file must hold exactly one YAML document" },
  WD108: { severity: "error", title: "the spec is too large or too deeply nested to check" },
  WD109: { severity: "error", title: "text holds a lone surrogate, which no output can represent" },
  WD110: { severity: "error", title: "the spec is not UTF-8 text" },

  // Structure (the schema in protocol.schema.json)
  WD201: { severity: "error", title: "a value has the wrong type" },
  WD202: { severity: "error", title: "unknown key" },
  WD203: { severity: "error", title: "a required key is missing" },
  WD204: { severity: "error", title: "a value is not one of the allowed values" },
  WD205: { severity: "error", title: "a string does not have the required form" },
  WD206: { severity: "error", title: "a list has too few items" },
  WD207: { severity: "error", title: "a plain scalar YAML 1.1 reads as a bool, null or number must be quoted" },

  // Semantics
  WD300: { severity: "error", title: "unsupported IDL version (wiredefs: 1 is required)" },
  WD301: { severity: "error", title: "unresolved key" },
  WD302: { severity: "error", title: "unresolved or malformed type" },
  WD303: { severity: "error", title: "unresolved topic" },
  WD304: { severity: "error", title: "unresolved actor" },
  WD305: { severity: "error", title: "unresolved key set" },
  WD306: { severity: "error", title: "duplicate wire value within a set" },
  WD307: { severity: "error", title: "duplicate top-level name" },
  WD308: { severity: "error", title: "a payload or record key belongs to another key set" },
  WD309: { severity: "error", title: "a key is listed twice, or both required and optional" },
  WD310: { severity: "error", title: "a name refers to an item of the wrong kind" },
  WD311: { severity: "error", title: "a rule value is not a member of the key's enum" },
  WD312: { severity: "error", title: "a key used by a rule or verify is not a field of the record" },
  WD313: { severity: "error", title: "a value collides with a reserved value" },
  WD314: { severity: "error", title: "empty wire value" },
  WD315: { severity: "error", title: "wire value with surrounding whitespace or control characters" },
  WD316: { severity: "error", title: "the protocol version must be a positive integer" },
  WD317: { severity: "error", title: "invalid output directory" },
  WD318: { severity: "error", title: "a target writes the same file twice" },
  WD319: { severity: "error", title: "the Python package is not a valid Python identifier" },
  WD320: { severity: "error", title: "recursive record type" },
  WD321: { severity: "error", title: "a flow step has no sender or receiver" },
  WD322: { severity: "error", title: "duplicate verify parameter or expected key" },
  WD323: { severity: "error", title: "a constant's value does not match its type" },
  WD324: { severity: "error", title: "a record's cross-field rules can never all hold" },
  WD330: { severity: "error", title: "a name is not an ASCII identifier valid in TypeScript and Python" },
  WD331: { severity: "error", title: "a name is a reserved word in TypeScript or Python" },
  WD332: { severity: "error", title: "a name starts with a double underscore" },
  WD333: { severity: "error", title: "a member name is a special JavaScript property name" },
  WD360: { severity: "error", title: "a module lists an unknown item" },
  WD361: { severity: "error", title: "an item is placed in two modules" },
  WD362: { severity: "error", title: "invalid module path" },
  WD363: { severity: "error", title: "an entry point re-exports an unknown module" },
  WD364: { severity: "error", title: "an entry point has no path" },
  WD365: { severity: "error", title: "a module uses an item no module holds" },

  // Warnings
  WD391: { severity: "warning", title: "an enum is used by no key" },
  WD392: { severity: "warning", title: "a reply travels in the same direction as its request" },
  WD393: { severity: "warning", title: "a flow step's sender or receiver contradicts its topic" },
});
