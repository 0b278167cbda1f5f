/**
 * The fixed parts of messages.py: the issue types and the small checking core the per-shape
 * tables drive, written out already `ruff format`-ted, as chunks that say what they use (see
 * ../chunks.ts): a module prints only the ones its code reaches. The module-level names they
 * bind are listed in names/helpers.ts so no spec item can take them.
 */
import type { ScalarTypeName } from "../../model.js";
import { ISSUE_CODES } from "../../conformance/semantics.js";
import type { Chunk } from "../chunks.js";

/** What the issue types use (they are always printed: they are the module's API). */
export const ISSUE_TYPES_USE: readonly string[] = ["Literal", "NamedTuple", "Union", "_format_issue"];

/** The names the issue types below declare (exported by every messages.py). */
export const ISSUE_TYPE_NAMES: readonly string[] = ["IssueCode", "ISSUE_CODES", "ValidationIssue", "PayloadValidationError"];

export function issueTypes(): string {
  return `IssueCode = Literal[
${ISSUE_CODES.map((c) => `    "${c.code}",`).join("\n")}
]
"""What went wrong; the README's validation semantics table says when each applies."""

ISSUE_CODES: tuple[IssueCode, ...] = (
${ISSUE_CODES.map((c) => `    "${c.code}",`).join("\n")}
)
"""Every issue code."""


class ValidationIssue(NamedTuple):
    """One problem with a value: where (keys, list indices), what, and why."""

    path: tuple[Union[str, int], ...]
    code: IssueCode
    message: str


class PayloadValidationError(ValueError):
    """Raised by the \`\`parse_*\`\` functions; \`\`issues\`\` lists every problem found."""

    issues: list[ValidationIssue]

    def __init__(self, issues: list[ValidationIssue]) -> None:
        """Keep \`\`issues\`\`; the message lists them all."""
        super().__init__("; ".join(_format_issue(issue) for issue in issues))
        self.issues = issues
`;
}

/** The scalar type specs the tables name (`_STRING`), by type. */
export const SCALAR_SPECS: { readonly [T in ScalarTypeName]: string } = {
  string: "_STRING",
  int: "_INT",
  float: "_FLOAT",
  bool: "_BOOL",
  any: "_ANY",
};

const scalarSpec = (type: ScalarTypeName): Chunk => ({
  name: SCALAR_SPECS[type],
  uses: ["_Type"],
  text: `${SCALAR_SPECS[type]} = _Type("${type}")\n`,
});

/** Types and constants of the checking core, printed after the issue types. */
export const CORE_TYPES: readonly Chunk[] = [
  { name: "_Path", uses: ["Union"], text: `_Path = tuple[Union[str, int], ...]
` },
  { name: "_Validator", uses: ["Callable", "ValidationIssue"], text: `_Validator = Callable[[object], list[ValidationIssue]]
` },
  { name: "_LONE_SURROGATE", uses: ["re"], text: `_LONE_SURROGATE = re.compile("[\\ud800-\\udfff]")
` },
  { name: "_KINDS", uses: ["Mapping"], text: `_KINDS: tuple[tuple[type, str], ...] = (
    (str, "a string"),
    (list, "an array"),
    (Mapping, "an object"),
)
` },
  { name: "_Type", uses: ["NamedTuple", "Sequence", "Optional", "_Validator"], text: `class _Type(NamedTuple):
    kind: str
    values: Sequence[str] = ()
    of: Optional["_Type"] = None
    validate: Optional[_Validator] = None
` },
  { name: "_Field", uses: ["NamedTuple", "_Type"], text: `class _Field(NamedTuple):
    key: str
    type: _Type
    required: bool = True
` },
  { name: "_Rule", uses: ["NamedTuple", "Sequence"], text: `class _Rule(NamedTuple):
    if_key: str
    if_values: Sequence[str]
    then_key: str
    then_values: Sequence[str]
    message: str
` },
  { name: "_Shape", uses: ["NamedTuple", "Literal", "Sequence", "_Field", "_Rule"], text: `class _Shape(NamedTuple):
    unknown_keys: Literal["allow", "forbid"]
    fields: Sequence[_Field]
    rules: Sequence[_Rule]
` },
  ...(["string", "int", "float", "bool", "any"] as const).map(scalarSpec),
];

/** Functions of the checking core and the verify helpers, printed at the end of the module. */
export const CORE_FUNCTIONS: readonly Chunk[] = [
  { name: "_attribute_of", uses: ["Optional", "Mapping", "cast"], text: `def _attribute_of(container: object, attribute: str) -> Optional[Mapping[str, object]]:
    """The mapping held by \`\`container.<attribute>\`\` or \`\`container[attribute]\`\`."""
    held: object = getattr(container, attribute, None)
    if held is None and isinstance(container, Mapping):
        held = cast("Mapping[str, object]", container).get(attribute)
    if isinstance(held, Mapping):
        return cast("Mapping[str, object]", held)
    return None
` },
  { name: "_check_expected", uses: ["_same_value", "_show"], text: `def _check_expected(label: str, expected: object, actual: object) -> None:
    if expected and not _same_value(actual, expected):
        raise ValueError(f"Expected {label} {_show(expected)}, got {_show(actual)}")
` },
  { name: "_same_value", uses: ["Mapping", "Sequence", "cast", "_as_number", "_js_entries"], text: `def _same_value(a: object, b: object) -> bool:
    """Equality of two JSON values as TypeScript judges it: a bool is no number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    number_a, number_b = _as_number(a), _as_number(b)
    if number_a is not None and number_b is not None:
        return number_a == number_b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        left, right = cast("Sequence[object]", a), cast("Sequence[object]", b)
        return len(left) == len(right) and all(map(_same_value, left, right))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        left_map = dict(_js_entries(cast("Mapping[object, object]", a)))
        right_map = dict(_js_entries(cast("Mapping[object, object]", b)))
        return left_map.keys() == right_map.keys() and all(
            _same_value(item, right_map[key]) for key, item in left_map.items()
        )
    return a == b
` },
  { name: "_show", uses: ["_show_json"], text: `def _show(value: object) -> str:
    """A value in a verify message: a string as it is, anything else as TypeScript shows it."""
    return value if isinstance(value, str) else _show_json(value)
` },
  { name: "_show_json", uses: ["Mapping", "Sequence", "cast", "_quote", "_js_entries", "_show_scalar"], text: `def _show_json(value: object) -> str:
    """JSON text as JSON.stringify writes it, but numbers as String() does (NaN)."""
    if isinstance(value, (list, tuple)):
        items = cast("Sequence[object]", value)
        return "[" + ",".join(_show_json(item) for item in items) + "]"
    if isinstance(value, Mapping):
        entries = _js_entries(cast("Mapping[object, object]", value))
        return "{" + ",".join(f"{_quote(k)}:{_show_json(v)}" for k, v in entries) + "}"
    return _show_scalar(value)
` },
  { name: "_show_scalar", uses: ["_quote", "_js_number"], text: `def _show_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _js_number(value)
    return _quote(value) if isinstance(value, str) else str(value)
` },
  { name: "_js_number", uses: ["math", "_as_number", "_js_digits"], text: `def _js_number(value: float) -> str:
    """The number as JavaScript's String() writes the double JSON.parse reads for it."""
    number = _as_number(value)
    if number is None or math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    mantissa, _, exponent = repr(abs(number)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or "0") - (len(whole + fraction) - len(digits))
    return ("-" if number < 0 else "") + _js_digits(digits.rstrip("0"), point)
` },
  { name: "_js_digits", uses: [], text: `def _js_digits(digits: str, point: int) -> str:
    """Digits with the decimal point after \`\`point\`\` of them, laid out as ECMAScript does."""
    widest, smallest = 21, -6
    if len(digits) <= point <= widest:
        return digits + "0" * (point - len(digits))
    if 0 < point <= widest:
        return f"{digits[:point]}.{digits[point:]}"
    if smallest < point <= 0:
        return f"0.{'0' * -point}{digits}"
    mantissa = digits if len(digits) == 1 else f"{digits[0]}.{digits[1:]}"
    return f"{mantissa}e{'+' if point > 0 else '-'}{abs(point - 1)}"
` },
  { name: "_js_entries", uses: ["Mapping", "_is_array_index"], text: `def _js_entries(obj: Mapping[object, object]) -> list[tuple[str, object]]:
    """Entries in the order JavaScript keeps an object's keys: array indices first, ascending."""
    entries = [(str(key), item) for key, item in obj.items()]
    indices = [e for e in entries if _is_array_index(e[0])]
    others = [e for e in entries if not _is_array_index(e[0])]
    return sorted(indices, key=lambda e: int(e[0])) + others
` },
  { name: "_is_array_index", uses: [], text: `def _is_array_index(key: str) -> bool:
    limit = 2**32 - 1
    return key.isascii() and key.isdigit() and str(int(key)) == key and int(key) < limit
` },
  { name: "_enum", uses: ["_Type"], text: 'def _enum(*values: str) -> _Type:\n    return _Type("enum", values=values)\n' },
  { name: "_list_of", uses: ["_Type"], text: 'def _list_of(item: _Type) -> _Type:\n    return _Type("list", of=item)\n' },
  { name: "_map_of", uses: ["_Type"], text: 'def _map_of(item: _Type) -> _Type:\n    return _Type("map", of=item)\n' },
  {
    name: "_record",
    uses: ["_Type", "_Validator"],
    text: 'def _record(validate: _Validator) -> _Type:\n    return _Type("record", validate=validate)\n',
  },
  { name: "_check_shape", uses: ["Literal", "Sequence", "_Field", "_Rule", "_Shape", "_collect_shape_issues", "ValidationIssue"], text: `def _check_shape(
    value: object,
    unknown_keys: Literal["allow", "forbid"],
    fields: Sequence[_Field],
    rules: Sequence[_Rule] = (),
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    _collect_shape_issues(value, _Shape(unknown_keys, fields, rules), (), issues)
    return issues
` },
  { name: "_collect_shape_issues", uses: ["Mapping", "cast", "_Shape", "_Path", "ValidationIssue", "_describe", "_quote", "_check_value", "_is_one_of", "_sorted_items"], text: `def _collect_shape_issues(
    value: object, shape: _Shape, path: _Path, issues: list[ValidationIssue]
) -> None:
    if not isinstance(value, Mapping):
        message = f"expected an object, got {_describe(value)}"
        issues.append(ValidationIssue(path, "not_object", message))
        return
    obj = cast("Mapping[object, object]", value)
    failed: set[str] = set()
    for field in shape.fields:
        at = (*path, field.key)
        before = len(issues)
        if field.key in obj:
            _check_value(obj[field.key], field.type, at, issues)
        elif field.required:
            message = f"missing required key {_quote(field.key)}"
            issues.append(ValidationIssue(at, "missing_key", message))
        if len(issues) > before:
            failed.add(field.key)
    for rule in shape.rules:
        if rule.if_key in failed or rule.then_key in failed:
            continue
        if rule.if_key not in obj or rule.then_key not in obj:
            continue
        if _is_one_of(obj[rule.if_key], rule.if_values) and not _is_one_of(
            obj[rule.then_key], rule.then_values
        ):
            at = (*path, rule.then_key)
            issues.append(ValidationIssue(at, "rule_violated", rule.message))
    if shape.unknown_keys == "forbid":
        known = {field.key for field in shape.fields}
        for key, _item in _sorted_items(obj):
            if key not in known:
                message = f"unknown key {_quote(key)}"
                issues.append(ValidationIssue((*path, key), "unknown_key", message))
` },
  { name: "_check_value", uses: ["_Type", "_Path", "ValidationIssue", "_quote", "_describe", "_check_container", "_scalar_mismatch"], text: `def _check_value(
    value: object, expected: _Type, path: _Path, issues: list[ValidationIssue]
) -> None:
    if expected.kind == "enum":
        words = "one of " + ", ".join(_quote(v) for v in expected.values)
        if not isinstance(value, str):
            message = f"expected {words}, got {_describe(value)}"
            issues.append(ValidationIssue(path, "wrong_type", message))
        elif value not in expected.values:
            message = f"expected {words}, got {_quote(value)}"
            issues.append(ValidationIssue(path, "not_in_enum", message))
    elif expected.kind in ("list", "map", "record"):
        _check_container(value, expected, path, issues)
    else:
        words = _scalar_mismatch(value, expected.kind)
        if words is not None:
            message = f"expected {words}, got {_describe(value)}"
            issues.append(ValidationIssue(path, "wrong_type", message))
` },
  { name: "_scalar_mismatch", uses: ["Optional", "math", "_as_number"], text: `def _scalar_mismatch(value: object, kind: str) -> Optional[str]:
    """What a scalar of this kind should have been, or None when the value fits."""
    number = _as_number(value)
    finite = number is not None and math.isfinite(number)
    if kind == "string" and not isinstance(value, str):
        return "a string"
    if kind == "int" and not (finite and number is not None and number.is_integer()):
        return "an integer"
    if kind == "float" and not finite:
        return "a number"
    if kind == "bool" and not isinstance(value, bool):
        return "a boolean"
    return None
` },
  { name: "_check_container", uses: ["_Type", "_Path", "ValidationIssue", "cast", "Mapping", "_describe", "_check_value", "_sorted_items"], text: `def _check_container(
    value: object, expected: _Type, path: _Path, issues: list[ValidationIssue]
) -> None:
    if expected.kind == "record" and expected.validate is not None:
        for issue in expected.validate(value):
            issues.append(issue._replace(path=(*path, *issue.path)))
    elif expected.kind == "list" and expected.of is not None:
        if not isinstance(value, list):
            message = f"expected an array, got {_describe(value)}"
            issues.append(ValidationIssue(path, "wrong_type", message))
            return
        for index, item in enumerate(cast("list[object]", value)):
            _check_value(item, expected.of, (*path, index), issues)
    elif expected.kind == "map" and expected.of is not None:
        if not isinstance(value, Mapping):
            message = f"expected an object, got {_describe(value)}"
            issues.append(ValidationIssue(path, "wrong_type", message))
            return
        for key, item in _sorted_items(cast("Mapping[object, object]", value)):
            _check_value(item, expected.of, (*path, key), issues)
` },
  { name: "_as_number", uses: ["Optional", "math"], text: `def _as_number(value: object) -> Optional[float]:
    """The number JSON.parse reads for the same JSON text; None for non-numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:  # an int beyond the double range is ±Infinity in JavaScript
        return math.inf if value > 0 else -math.inf
` },
  { name: "_is_one_of", uses: ["Sequence"], text: `def _is_one_of(value: object, values: Sequence[str]) -> bool:
    return isinstance(value, str) and value in values
` },
  { name: "_sorted_items", uses: ["Mapping", "_utf16"], text: `def _sorted_items(obj: Mapping[object, object]) -> list[tuple[str, object]]:
    """Entries by key in UTF-16 code unit order, as JavaScript's sort() orders keys."""
    items = [(str(key), item) for key, item in obj.items()]
    return sorted(items, key=lambda entry: _utf16(entry[0]))
` },
  { name: "_utf16", uses: [], text: `def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")
` },
  { name: "_describe", uses: ["math", "_as_number", "_KINDS"], text: `def _describe(value: object) -> str:
    """What a value is, in the words of the messages ("an integer", "an array")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    number = _as_number(value)
    if number is not None:
        if not math.isfinite(number):
            return "a non-finite number"
        return "an integer" if number.is_integer() else "a number"
    for kind, words in _KINDS:
        if isinstance(value, kind):
            return words
    return type(value).__name__
` },
  { name: "_quote", uses: ["json", "_LONE_SURROGATE"], text: `def _quote(text: str) -> str:
    """Quotes text in a message as JSON.stringify does (lone surrogates escaped)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\\\u{ord(m.group()):04x}", quoted)
` },
  { name: "_format_issue", uses: ["ValidationIssue"], text: `def _format_issue(issue: ValidationIssue) -> str:
    where = "".join(f"[{segment!r}]" for segment in issue.path)
    return f"{where or 'value'}: {issue.message}"
` },
  { name: "_raise_if_invalid", uses: ["ValidationIssue", "PayloadValidationError"], text: `def _raise_if_invalid(issues: list[ValidationIssue]) -> None:
    if issues:
        raise PayloadValidationError(issues)
` },
];
