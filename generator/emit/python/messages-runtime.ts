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
  json: "_ANY",
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
  { name: "_UNREADABLE", uses: [], text: `_UNREADABLE = "cannot read the value"
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
  { name: "_Walk", uses: ["Callable", "ValidationIssue", "_Path", "IssueCode"], text: `class _Walk:
    """One validation's work: a stack of steps instead of Python recursion.

    A nested record, list item or map entry is a step pushed here, never a call down the
    stack, so no nesting depth (a chain of thousands of records) reaches the recursion limit.
    """

    def __init__(self) -> None:
        self.issues: list[ValidationIssue] = []
        self._steps: list[Callable[[], None]] = []

    def later(self, steps: list[Callable[[], None]]) -> None:
        """Run \`\`steps\`\` in order, before every step pushed earlier."""
        self._steps.extend(reversed(steps))

    def run(self) -> list[ValidationIssue]:
        while self._steps:
            self._steps.pop()()
        return self.issues

    def report(self, path: _Path, code: IssueCode, message: str) -> None:
        self.issues.append(ValidationIssue(path, code, message))
` },
  { name: "_Nested", uses: ["NamedTuple", "_Walk", "_Path"], text: `class _Nested(NamedTuple):
    """A record value met inside another walk: its validator adds its steps to that walk."""

    walk: _Walk
    value: object
    path: _Path
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
  { name: "_check_shape", uses: ["Literal", "Sequence", "_Field", "_Rule", "_Shape", "_collect_shape_issues", "ValidationIssue", "_Nested", "_Walk"], text: `def _check_shape(
    value: object,
    unknown_keys: Literal["allow", "forbid"],
    fields: Sequence[_Field],
    rules: Sequence[_Rule] = (),
) -> list[ValidationIssue]:
    shape = _Shape(unknown_keys, fields, rules)
    if isinstance(value, _Nested):
        _collect_shape_issues(value.value, shape, value.path, value.walk)
        return []
    walk = _Walk()
    _collect_shape_issues(value, shape, (), walk)
    return walk.run()
` },
  { name: "_collect_shape_issues", uses: ["Mapping", "cast", "partial", "Callable", "_Shape", "_Path", "_Walk", "_describe", "_check_field", "_check_rules", "_check_unknown_keys"], text: `def _collect_shape_issues(
    value: object, shape: _Shape, path: _Path, walk: _Walk
) -> None:
    if not isinstance(value, Mapping):
        walk.report(path, "not_object", f"expected an object, got {_describe(value)}")
        return
    obj = cast("Mapping[object, object]", value)
    # The values read, for the rules; a field with an issue is dropped again (_mark_failed).
    present: dict[str, object] = {}
    steps: list[Callable[[], None]] = [
        partial(_check_field, obj, field, path, walk, present) for field in shape.fields
    ]
    steps.append(partial(_check_rules, shape, path, walk, present))
    if shape.unknown_keys == "forbid":
        steps.append(partial(_check_unknown_keys, obj, shape, path, walk))
    walk.later(steps)
` },
  { name: "_check_field", uses: ["Mapping", "partial", "_Field", "_Path", "_Walk", "_quote", "_check_value", "_mark_failed", "_UNREADABLE"], text: `def _check_field(
    obj: Mapping[object, object],
    field: _Field,
    path: _Path,
    walk: _Walk,
    present: dict[str, object],
) -> None:
    at = (*path, field.key)
    # Runs after the field's own nested steps: a field with any issue is skipped by the rules.
    walk.later([partial(_mark_failed, walk, len(walk.issues), field.key, present)])
    try:
        found = field.key in obj
        item = obj[field.key] if found else None
    except Exception:  # a mapping that cannot be read is reported, never raised
        walk.report(at, "unreadable", _UNREADABLE)
        return
    if found:
        present[field.key] = item
        _check_value(item, field.type, at, walk)
    elif field.required:
        walk.report(at, "missing_key", f"missing required key {_quote(field.key)}")
` },
  { name: "_mark_failed", uses: ["_Walk"], text: `def _mark_failed(
    walk: _Walk, before: int, key: str, present: dict[str, object]
) -> None:
    if len(walk.issues) > before:
        present.pop(key, None)
` },
  { name: "_check_rules", uses: ["_Shape", "_Path", "_Walk", "_is_one_of"], text: `def _check_rules(
    shape: _Shape, path: _Path, walk: _Walk, present: dict[str, object]
) -> None:
    for rule in shape.rules:
        if rule.if_key not in present or rule.then_key not in present:
            continue
        if _is_one_of(present[rule.if_key], rule.if_values) and not _is_one_of(
            present[rule.then_key], rule.then_values
        ):
            walk.report((*path, rule.then_key), "rule_violated", rule.message)
` },
  { name: "_check_unknown_keys", uses: ["Mapping", "_Shape", "_Path", "_Walk", "_sorted_keys", "_quote", "_UNREADABLE"], text: `def _check_unknown_keys(
    obj: Mapping[object, object], shape: _Shape, path: _Path, walk: _Walk
) -> None:
    try:
        keys = _sorted_keys(obj)
    except Exception:  # a mapping that cannot be read is reported, never raised
        walk.report(path, "unreadable", _UNREADABLE)
        return
    known = {field.key for field in shape.fields}
    for key, _original in keys:
        if key not in known:
            walk.report((*path, key), "unknown_key", f"unknown key {_quote(key)}")
` },
  { name: "_check_value", uses: ["_Type", "_Path", "_Walk", "_quote", "_describe", "_check_container", "_scalar_mismatch"], text: `def _check_value(value: object, expected: _Type, path: _Path, walk: _Walk) -> None:
    if expected.kind == "enum":
        words = "one of " + ", ".join(_quote(v) for v in expected.values)
        if not isinstance(value, str):
            walk.report(path, "wrong_type", f"expected {words}, got {_describe(value)}")
        elif value not in expected.values:
            walk.report(path, "not_in_enum", f"expected {words}, got {_quote(value)}")
    elif expected.kind in ("list", "map", "record"):
        _check_container(value, expected, path, walk)
    else:
        wants = _scalar_mismatch(value, expected.kind)
        if wants is not None:
            walk.report(path, "wrong_type", f"expected {wants}, got {_describe(value)}")
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
  { name: "_check_container", uses: ["_Type", "_Path", "_Walk", "cast", "Mapping", "partial", "_describe", "_check_value", "_Nested", "_check_entries", "_UNREADABLE"], text: `def _check_container(value: object, expected: _Type, path: _Path, walk: _Walk) -> None:
    if expected.kind == "record" and expected.validate is not None:
        expected.validate(_Nested(walk, value, path))
    elif expected.kind == "list" and expected.of is not None:
        if not isinstance(value, list):
            walk.report(
                path, "wrong_type", f"expected an array, got {_describe(value)}"
            )
            return
        try:
            items = list(enumerate(cast("list[object]", value)))
        except Exception:  # a list that cannot be read is reported, never raised
            walk.report(path, "unreadable", _UNREADABLE)
            return
        of = expected.of
        walk.later(
            [partial(_check_value, item, of, (*path, i), walk) for i, item in items]
        )
    elif expected.kind == "map" and expected.of is not None:
        if not isinstance(value, Mapping):
            walk.report(
                path, "wrong_type", f"expected an object, got {_describe(value)}"
            )
            return
        _check_entries(cast("Mapping[object, object]", value), expected.of, path, walk)
` },
  { name: "_check_entries", uses: ["Mapping", "Callable", "partial", "_Type", "_Path", "_Walk", "_sorted_keys", "_check_value", "_UNREADABLE"], text: `def _check_entries(
    obj: Mapping[object, object], of: _Type, path: _Path, walk: _Walk
) -> None:
    """The entries of a map by key; one whose value cannot be read is \`\`unreadable\`\` there."""
    try:
        keys = _sorted_keys(obj)
    except Exception:  # a mapping that cannot be read is reported, never raised
        walk.report(path, "unreadable", _UNREADABLE)
        return
    steps: list[Callable[[], None]] = []
    for key, original in keys:
        try:
            item = obj[original]
        except Exception:  # one entry that cannot be read must not hide the others
            steps.append(partial(walk.report, (*path, key), "unreadable", _UNREADABLE))
            continue
        steps.append(partial(_check_value, item, of, (*path, key), walk))
    walk.later(steps)
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
  { name: "_sorted_keys", uses: ["Mapping", "_utf16"], text: `def _sorted_keys(obj: Mapping[object, object]) -> list[tuple[str, object]]:
    """Keys as text, with the key itself, in UTF-16 code unit order (JavaScript's sort())."""
    keys = [(str(key), key) for key in obj]
    return sorted(keys, key=lambda entry: _utf16(entry[0]))
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
