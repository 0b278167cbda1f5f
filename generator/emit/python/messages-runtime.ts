/**
 * The fixed parts of messages.py: the issue types and the small checking core the per-shape
 * tables drive, written out already `ruff format`-ted. The module-level names they bind are
 * listed in names/helpers.ts so no spec item can take them.
 */
import type { ScalarTypeName } from "../../model.js";
import { ISSUE_CODES } from "../../conformance/semantics.js";

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

const SCALAR_SPECS: readonly (readonly [TypeKind, string])[] = [
  ["string", "_STRING"],
  ["int", "_INT"],
  ["float", "_FLOAT"],
  ["bool", "_BOOL"],
  ["any", "_ANY"],
];

/** The checking core's types, binding only the scalar specs the tables use. */
export function coreTypes(used: ReadonlySet<TypeKind>): string {
  const scalars = SCALAR_SPECS.filter(([name]) => used.has(name)).map(
    ([name, constant]) => `${constant} = _Type("${name}")\n`,
  );
  return CORE_TYPES + (scalars.length > 0 ? `\n\n${scalars.join("")}` : "");
}

const CORE_TYPES = `_Path = tuple[Union[str, int], ...]
_Validator = Callable[[object], list[ValidationIssue]]
_LONE_SURROGATE = re.compile("[\\ud800-\\udfff]")
_KINDS: tuple[tuple[type, str], ...] = (
    (str, "a string"),
    (list, "an array"),
    (Mapping, "an object"),
)


class _Type(NamedTuple):
    kind: str
    values: Sequence[str] = ()
    of: Optional["_Type"] = None
    validate: Optional[_Validator] = None


class _Field(NamedTuple):
    key: str
    type: _Type
    required: bool = True


class _Rule(NamedTuple):
    if_key: str
    if_values: Sequence[str]
    then_key: str
    then_values: Sequence[str]
    message: str


class _Shape(NamedTuple):
    unknown_keys: Literal["allow", "forbid"]
    fields: Sequence[_Field]
    rules: Sequence[_Rule]
`;

const FACTORIES: readonly (readonly [TypeKind, string])[] = [
  ["enum", 'def _enum(*values: str) -> _Type:\n    return _Type("enum", values=values)\n'],
  ["list", 'def _list_of(item: _Type) -> _Type:\n    return _Type("list", of=item)\n'],
  ["map", 'def _map_of(item: _Type) -> _Type:\n    return _Type("map", of=item)\n'],
  ["record", 'def _record(validate: _Validator) -> _Type:\n    return _Type("record", validate=validate)\n'],
];

/** The kinds of value type a module's tables use: scalars, "enum", "list", "map", "record". */
export type TypeKind = ScalarTypeName | "enum" | "list" | "map" | "record";

/** The checking core's functions, with the type factories the tables use. */
export function coreFunctions(used: ReadonlySet<TypeKind>): string {
  const factories = FACTORIES.filter(([kind]) => used.has(kind)).map(([, text]) => `${text}\n\n`);
  return factories.join("") + CORE_FUNCTIONS;
}

const CORE_FUNCTIONS = `def _check_shape(
    value: object,
    unknown_keys: Literal["allow", "forbid"],
    fields: Sequence[_Field],
    rules: Sequence[_Rule] = (),
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    _collect_shape_issues(value, _Shape(unknown_keys, fields, rules), (), issues)
    return issues


def _collect_shape_issues(
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


def _check_value(
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


def _scalar_mismatch(value: object, kind: str) -> Optional[str]:
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


def _check_container(
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


def _as_number(value: object) -> Optional[float]:
    """The number JSON.parse reads for the same JSON text; None for non-numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:  # an int beyond the double range is Infinity in JavaScript
        return math.inf


def _is_one_of(value: object, values: Sequence[str]) -> bool:
    return isinstance(value, str) and value in values


def _sorted_items(obj: Mapping[object, object]) -> list[tuple[str, object]]:
    """Entries by key in UTF-16 code unit order, as JavaScript's sort() orders keys."""
    items = [(str(key), item) for key, item in obj.items()]
    return sorted(items, key=lambda entry: _utf16(entry[0]))


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def _describe(value: object) -> str:
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


def _quote(text: str) -> str:
    """Quotes text in a message as JSON.stringify does (lone surrogates escaped)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _LONE_SURROGATE.sub(lambda m: f"\\\\u{ord(m.group()):04x}", quoted)


def _format_issue(issue: ValidationIssue) -> str:
    where = "".join(f"[{segment!r}]" for segment in issue.path)
    return f"{where or 'value'}: {issue.message}"


def _raise_if_invalid(issues: list[ValidationIssue]) -> None:
    if issues:
        raise PayloadValidationError(issues)
`;

export const VERIFY_CORE = `def _attribute_of(container: object, attribute: str) -> Optional[Mapping[str, object]]:
    """The mapping held by \`\`container.<attribute>\`\` or \`\`container[attribute]\`\`."""
    held: object = getattr(container, attribute, None)
    if held is None and isinstance(container, Mapping):
        held = cast("Mapping[str, object]", container).get(attribute)
    if isinstance(held, Mapping):
        return cast("Mapping[str, object]", held)
    return None


def _check_expected(label: str, expected: object, actual: object) -> None:
    if expected and actual != expected:
        raise ValueError(f"Expected {label} {expected}, got {actual}")
`;
