/**
 * Plain scalars a YAML 1.1 reader would not read as a string. The spec is read as YAML 1.2, but
 * editors, older tools and people still read `yes`, `off`, `0x1F` or `~` as bool, number or
 * null; a string position must quote them so every reader sees the same string.
 */
const BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?0o[0-7]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/;

/** What a YAML 1.1 (or 1.2) reader would take this plain text for, when not a string. */
export function nonStringReading(plain: string): "bool" | "null" | "number" | "timestamp" | undefined {
  if (BOOL.test(plain)) return "bool";
  if (NULL.test(plain)) return "null";
  if (INT.test(plain) || FLOAT.test(plain)) return "number";
  if (TIMESTAMP.test(plain)) return "timestamp";
  return undefined;
}
