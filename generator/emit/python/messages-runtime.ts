/**
 * The fixed parts of messages.py: the issue types and the small checking core the per-shape
 * tables drive, written out already `ruff format`-ted, as chunks that say what they use (see
 * ../chunks.ts): a module prints only the ones its code reaches. The module-level names they
 * bind are listed in names/helpers.ts so no spec item can take them.
 */
import { ISSUE_CODES } from "../../conformance/semantics.js";
import type { Chunk } from "../chunks.js";
import { fixedChunks, fixedPython, laidOut } from "../fixed-code.js";

/** What the issue types use (they are always printed: they are the module's API). */
export const ISSUE_TYPES_USE: readonly string[] = ["Literal", "NamedTuple", "Union", "_format_issue"];

/** The names the issue types below declare (exported by every messages.py). */
export const ISSUE_TYPE_NAMES: readonly string[] = ["IssueCode", "ISSUE_CODES", "ValidationIssue", "PayloadValidationError"];

/** The issue types, laid out for the style in force. */
export function issueTypes(): string {
  return laidOut("python", ISSUE_TYPES);
}

const ISSUE_TYPES = fixedPython(`IssueCode = Literal[
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
`);

/** Types and constants of the checking core, printed after the issue types. */
export const CORE_TYPES: readonly Chunk[] = fixedChunks("python", [
  { name: "_Path", uses: ["Union"], text: `_Path = tuple[Union[str, int], ...]
` },
  { name: "_Validator", uses: ["Callable", "ValidationIssue"], text: `_Validator = Callable[[object], list[ValidationIssue]]
` },
  { name: "_Walker", uses: ["Callable", "Iterator", "Optional", "ValidationIssue", "_Path"], text: `_Walker = Callable[
    [object, _Path, list[ValidationIssue]],
    Optional[Iterator[tuple["_Walker", object, _Path]]],
]
` },
  { name: "_UNREADABLE", uses: [], text: `_UNREADABLE = "cannot read the value"
` },
  { name: "_ABSENT", uses: [], text: `_ABSENT = object()
` },
  { name: "_TUPLE", uses: ["Any"], text: `_TUPLE: Any = tuple  # an Any to type checkers: its \`__new__\` is untyped
` },
  { name: "_new_issue", uses: ["_TUPLE"], text: `_new_issue = _TUPLE.__new__  # a ValidationIssue made in C, not by its Python __new__
` },
  { name: "_DICT", uses: ["Any"], text: `_DICT: Any = dict  # \`type(obj) is _DICT\` leaves \`obj\` an Any to type checkers
` },
  { name: "_PLAIN", uses: [], text: `_PLAIN = frozenset({type(None), bool, int, float, str, list, tuple})
` },
  { name: "_UNREAD", uses: [], text: `_UNREAD = object()
` },
  { name: "_FINITE_INT", uses: [], text: `_FINITE_INT = 2**1023
` },
  { name: "_INF", uses: ["math"], text: `_INF = math.inf
` },
  { name: "_LONE_SURROGATE", uses: ["re"], text: `_LONE_SURROGATE = re.compile("[\\ud800-\\udfff]")
` },
  { name: "_KINDS", uses: ["Mapping"], text: `_KINDS: tuple[tuple[type, str], ...] = (
    (str, "a string"),
    (list, "an array"),
    (Mapping, "an object"),
)
` },
  { name: "_Enum", uses: ["NamedTuple"], text: `class _Enum(NamedTuple):
    values: frozenset[object]
    words: str
    numeric: bool = False
` },
  { name: "_Union", uses: ["NamedTuple", "Mapping", "_Walker"], text: `class _Union(NamedTuple):
    tag: str
    variants: Mapping[str, _Walker]
    words: str
` },
  { name: "_enum", uses: ["_Enum"], text: `def _enum(words: str, *values: object, numeric: bool = False) -> _Enum:
    return _Enum(frozenset(values), words, numeric)
` },
  { name: "_keys", uses: [], text: `def _keys(*keys: str) -> frozenset[str]:
    return frozenset(keys)
` },
  { name: "_UUID", uses: ["re"], text: `_UUID = re.compile(
    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    re.ASCII,
)
` },
  { name: "_DATE", uses: ["re"], text: `_DATE = re.compile(r"(\\d{4})-(\\d{2})-(\\d{2})", re.ASCII)
` },
  { name: "_DATE_TIME", uses: ["re"], text: `_DATE_TIME = re.compile(
    r"(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})",
    re.ASCII,
)
` },
  { name: "_URI", uses: ["re"], text: `_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*", re.ASCII)
` },
  { name: "_CALENDAR", uses: [], text: `_CALENDAR = ((2, 1, 12), (3, 1, 31), (4, 0, 23), (5, 0, 59), (6, 0, 60))
` },
]);

/** Functions of the checking core and the verify helpers, printed at the end of the module. */
export const CORE_FUNCTIONS: readonly Chunk[] = fixedChunks("python", [
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
  { name: "_issues", uses: ["ValidationIssue", "Iterator", "_Walker", "_Path"], text: `def _issues(walk: _Walker, value: object) -> list[ValidationIssue]:
    """Every issue of \`\`value\`\`, in order: a stack of walks instead of Python recursion.

    A nested record is a step a walk yields, run before the walk resumes, never a call down
    the stack, so no nesting depth (a chain of thousands of records) reaches the recursion limit.
    """
    issues: list[ValidationIssue] = []
    first = walk(value, (), issues)
    stack: list[Iterator[tuple[_Walker, object, _Path]]] = []
    if first is not None:
        stack.append(first)
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            continue
        nested = step[0](step[1], step[2], issues)
        if nested is not None:
            stack.append(nested)
    return issues
` },
  { name: "_conforms", uses: ["_Walker", "_issues"], text: `def _conforms(walk: _Walker, value: object) -> bool:
    return not _issues(walk, value)
` },
  { name: "_object", uses: ["Optional", "Mapping", "cast", "ValidationIssue", "_Path", "_describe"], text: `def _object(
    value: object, at: _Path, issues: list[ValidationIssue]
) -> Optional[Mapping[object, object]]:
    """\`\`value\`\` as a mapping, or None after reporting that it is none."""
    if isinstance(value, Mapping):
        return cast("Mapping[object, object]", value)
    message = f"expected an object, got {_describe(value)}"
    issues.append(ValidationIssue(at, "not_object", message))
    return None
` },
  { name: "_getter", uses: ["_new_issue", "Optional", "Callable", "Mapping", "cast", "ValidationIssue", "_Path", "_PLAIN", "_describe", "_UNREAD", "_UNREADABLE"], text: `def _getter(
    value: object, at: _Path, issues: list[ValidationIssue]
) -> Optional[Callable[[str, object], object]]:
    """How to read \`\`value\`\`'s keys: \`\`dict.get\`\`, or a reader that reports a read that raises.

    None after reporting that \`\`value\`\` is no object.
    """
    if type(value) is dict:
        return cast("dict[str, object]", value).get
    if type(value) in _PLAIN or not isinstance(value, Mapping):
        message = f"expected an object, got {_describe(value)}"
        issues.append(_new_issue(ValidationIssue, (at, "not_object", message)))
        return None
    mapping = cast("Mapping[object, object]", value)

    def get(key: str, default: object) -> object:
        try:
            if key not in mapping:
                return default
            return mapping[key]
        except Exception:  # a mapping that cannot be read is reported, never raised
            issues.append(ValidationIssue((*at, key), "unreadable", _UNREADABLE))
            return _UNREAD

    return get
` },
  { name: "_accounted", uses: ["_new_issue", "ValidationIssue", "_Path", "_ABSENT", "_UNREAD", "_quote"], text: `def _accounted(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool
) -> bool:
    """True when nothing is left to check: missing (reported here), unreadable, allowed null."""
    if item is _ABSENT:
        message = f"missing required key {_quote(str(at[-1]))}"
        issues.append(_new_issue(ValidationIssue, (at, "missing_key", message)))
        return True
    return item is _UNREAD or (nullable and item is None)
` },
  { name: "_check_present", uses: ["_new_issue", "ValidationIssue", "_Path", "_ABSENT", "_quote"], text: `def _check_present(item: object, at: _Path, issues: list[ValidationIssue]) -> None:
    if item is _ABSENT:
        message = f"missing required key {_quote(str(at[-1]))}"
        issues.append(_new_issue(ValidationIssue, (at, "missing_key", message)))
` },
  { name: "_walkable", uses: ["ValidationIssue", "_Path", "_accounted", "_object"], text: `def _walkable(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> bool:
    """Whether a record's walk should run on \`\`item\`\` (its walk reports a non-object)."""
    if _accounted(item, at, issues, nullable):
        return False
    return not nullable or _object(item, at, issues) is not None
` },
  { name: "_list", uses: ["Optional", "cast", "ValidationIssue", "_Path", "_accounted", "_wrong", "_UNREADABLE"], text: `def _list(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> Optional[list[object]]:
    """The items of a list, or None (after reporting why, unless null is allowed)."""
    if _accounted(item, at, issues, nullable):
        return None
    if not isinstance(item, list):
        _wrong(item, at, issues, "an array", nullable)
        return None
    try:
        return list(cast("list[object]", item))
    except Exception:  # a list that cannot be read is reported, never raised
        issues.append(ValidationIssue(at, "unreadable", _UNREADABLE))
        return None
` },
  { name: "_entries", uses: ["Iterator", "Mapping", "cast", "ValidationIssue", "_Path", "_accounted", "_wrong", "_sorted_keys", "_UNREADABLE"], text: `def _entries(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> Iterator[tuple[str, object]]:
    """A map's entries by key; one that cannot be read is reported in its place."""
    if _accounted(item, at, issues, nullable):
        return
    if not isinstance(item, Mapping):
        _wrong(item, at, issues, "an object", nullable)
        return
    obj = cast("Mapping[object, object]", item)
    try:
        keys = _sorted_keys(obj)
    except Exception:  # a mapping that cannot be read is reported, never raised
        issues.append(ValidationIssue(at, "unreadable", _UNREADABLE))
        return
    for key, original in keys:
        try:
            value = obj[original]
        except Exception:  # one entry that cannot be read must not hide the others
            issues.append(ValidationIssue((*at, key), "unreadable", _UNREADABLE))
            continue
        yield key, value
` },
  { name: "_check_entries", uses: ["ValidationIssue", "_Path", "_entries"], text: `def _check_entries(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> None:
    """Report a map of any values that is no map, or an entry that cannot be read."""
    for _entry in _entries(item, at, issues, nullable):
        pass
` },
  { name: "_variant", uses: ["Optional", "ValidationIssue", "_Path", "_Union", "_Walker", "_accounted", "_object", "_read_tag", "_wrong", "_quote", "_UNREAD"], text: `def _variant(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    union: _Union,
    nullable: bool = False,
) -> Optional[_Walker]:
    """The walk of the variant \`\`item\`\`'s tag selects, or None after reporting why not."""
    if _accounted(item, at, issues, nullable):
        return None
    obj = _object(item, at, issues)
    if obj is None:
        return None
    tag_at = (*at, union.tag)
    tag = _read_tag(obj, tag_at, issues)
    if tag is _UNREAD:
        return None
    if not isinstance(tag, str):
        _wrong(tag, tag_at, issues, union.words, nullable=False)
        return None
    walk = union.variants.get(tag)
    if walk is None:
        message = f"unknown tag {_quote(tag)}, expected {union.words}"
        issues.append(ValidationIssue(tag_at, "unknown_tag", message))
    return walk
` },
  { name: "_read_tag", uses: ["Mapping", "ValidationIssue", "_Path", "_accounted", "_ABSENT", "_UNREAD", "_UNREADABLE"], text: `def _read_tag(
    obj: Mapping[object, object], at: _Path, issues: list[ValidationIssue]
) -> object:
    """The tag's value; \`\`_UNREAD\`\` after reporting it missing or unreadable."""
    try:
        tag = _ABSENT
        if at[-1] in obj:
            tag = obj[at[-1]]
    except Exception:  # a mapping that cannot be read is reported, never raised
        issues.append(ValidationIssue(at, "unreadable", _UNREADABLE))
        tag = _UNREAD
    if _accounted(tag, at, issues, nullable=False):
        return _UNREAD
    return tag
` },
  { name: "_in_union", uses: ["ValidationIssue", "_ABSENT", "_Union", "_variant", "_conforms"], text: `def _in_union(item: object, union: _Union) -> bool:
    """Whether \`\`item\`\` is a valid variant (a missing value is none; its caller reports it)."""
    if item is _ABSENT:
        return False
    scratch: list[ValidationIssue] = []
    walk = _variant(item, (), scratch, union)
    return walk is not None and _conforms(walk, item)
` },
  { name: "_kept", uses: ["ValidationIssue", "_ABSENT"], text: `def _kept(item: object, mark: int, issues: list[ValidationIssue]) -> object:
    """\`\`item\`\` if no issue was found since \`\`mark\`\`, else \`\`_ABSENT\`\` (rules skip it)."""
    return item if len(issues) == mark else _ABSENT
` },
  { name: "_or_null", uses: [], text: `def _or_null(words: str, nullable: bool) -> str:
    return f"{words} or null" if nullable else words
` },
  { name: "_wrong", uses: ["_new_issue", "ValidationIssue", "_Path", "_describe"], text: `def _wrong(
    item: object, at: _Path, issues: list[ValidationIssue], words: str, nullable: bool
) -> None:
    if nullable:
        words += " or null"
    message = f"expected {words}, got {_describe(item)}"
    issues.append(_new_issue(ValidationIssue, (at, "wrong_type", message)))
` },
  { name: "_report", uses: ["_new_issue", "ValidationIssue", "_Path", "_ABSENT", "_UNREAD", "_quote", "_describe"], text: `def _report(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    words: str,
    nullable: bool = False,
) -> None:
    """Report \`\`item\`\`, which failed its type check: missing, or of another type."""
    if item is _ABSENT:
        message = f"missing required key {_quote(str(at[-1]))}"
        issues.append(_new_issue(ValidationIssue, (at, "missing_key", message)))
    elif item is not _UNREAD and not (nullable and item is None):
        if nullable:
            words += " or null"
        message = f"expected {words}, got {_describe(item)}"
        issues.append(_new_issue(ValidationIssue, (at, "wrong_type", message)))
` },
  { name: "_check_str", uses: ["ValidationIssue", "_Path", "_report"], text: `def _check_str(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> bool:
    """Report \`\`item\`\` unless it is a string; True when it is one."""
    if isinstance(item, str):
        return True
    _report(item, at, issues, "a string", nullable)
    return False
` },
  { name: "_check_int", uses: ["ValidationIssue", "_Path", "_report", "_is_int_value"], text: `def _check_int(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> bool:
    """Report \`\`item\`\` unless it is an integer; True when it is one."""
    if _is_int_value(item):
        return True
    _report(item, at, issues, "an integer", nullable)
    return False
` },
  { name: "_check_float", uses: ["ValidationIssue", "_Path", "_report", "_is_float_value"], text: `def _check_float(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> bool:
    """Report \`\`item\`\` unless it is a finite number; True when it is one."""
    if _is_float_value(item):
        return True
    _report(item, at, issues, "a number", nullable)
    return False
` },
  { name: "_check_bool", uses: ["ValidationIssue", "_Path", "_report"], text: `def _check_bool(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> bool:
    """Report \`\`item\`\` unless it is a boolean; True when it is one."""
    if isinstance(item, bool):
        return True
    _report(item, at, issues, "a boolean", nullable)
    return False
` },
  { name: "_check_json", uses: ["ValidationIssue", "_Path", "_accounted", "_json_flaws", "_UNREADABLE"], text: `def _check_json(
    item: object, at: _Path, issues: list[ValidationIssue], nullable: bool = False
) -> None:
    """Report each value inside \`\`item\`\` that is not JSON, at its own path."""
    if _accounted(item, at, issues, nullable):
        return
    try:
        for flaw_at, kind in _json_flaws(item, at):
            message = f"expected a JSON value, got {kind}"
            issues.append(ValidationIssue(flaw_at, "wrong_type", message))
    except Exception:  # a value that cannot be read is reported, never raised
        issues.append(ValidationIssue(at, "unreadable", _UNREADABLE))
` },
  { name: "_json_flaws", uses: ["Iterator", "Mapping", "cast", "math", "_Path", "_as_number", "_sorted_keys", "_describe"], text: `def _json_flaws(value: object, at: _Path) -> Iterator[tuple[_Path, str]]:
    """Where \`\`value\`\` holds something that is not JSON, and what.

    Depth first, items by index, keys in UTF-16 order. An explicit stack, so no depth
    reaches the recursion limit.
    """
    stack: list[tuple[object, _Path, int]] = [(value, at, 0)]
    # The ids of the containers above the current value, which a cycle comes back to.
    trail: list[int] = []
    while stack:
        item, path, depth = stack.pop()
        del trail[depth:]
        ident = id(item)
        if isinstance(item, (Mapping, list)):
            if ident in trail:
                yield path, "a cycle"
                continue
            trail.append(ident)
            if isinstance(item, list):
                items = list(enumerate(cast("list[object]", item)))
                children = [(child, (*path, i)) for i, child in items]
            else:
                obj = cast("Mapping[object, object]", item)
                keys = _sorted_keys(obj)
                children = [(obj[key], (*path, text)) for text, key in keys]
            for child, child_at in reversed(children):
                stack.append((child, child_at, depth + 1))
        elif not (item is None or isinstance(item, (str, bool))):
            number = _as_number(item)
            if number is None or not math.isfinite(number):
                yield path, _describe(item)
` },
  { name: "_check_enum", uses: ["ValidationIssue", "_Path", "_Enum", "_accounted", "_wrong", "_is_int_value", "_quote", "_js_number", "cast"], text: `def _check_enum(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    enum: _Enum,
    nullable: bool = False,
) -> None:
    if _accounted(item, at, issues, nullable):
        return
    if not (_is_int_value(item) if enum.numeric else isinstance(item, str)):
        _wrong(item, at, issues, enum.words, nullable)
    elif item not in enum.values:
        shown = (
            _js_number(cast("float", item))
            if enum.numeric
            else _quote(cast("str", item))
        )
        message = f"expected {enum.words}, got {shown}"
        issues.append(ValidationIssue(at, "not_in_enum", message))
` },
  { name: "_check_literal", uses: ["ValidationIssue", "_Path", "Union", "_accounted", "_is_literal", "_or_null", "_show_scalar", "_quote", "_describe"], text: `def _check_literal(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    expected: Union[str, float, bool],
    nullable: bool = False,
) -> None:
    if _is_literal(item, expected) or _accounted(item, at, issues, nullable):
        return
    got = _quote(item) if isinstance(item, str) else _describe(item)
    message = f"expected {_or_null(_show_scalar(expected), nullable)}, got {got}"
    issues.append(ValidationIssue(at, "wrong_type", message))
` },
  { name: "_is_literal", uses: ["Union", "_as_number"], text: `def _is_literal(item: object, expected: Union[str, float, bool]) -> bool:
    if isinstance(expected, bool):
        return item is expected
    if isinstance(expected, str):
        return isinstance(item, str) and item == expected
    return _as_number(item) == expected
` },
  { name: "_check_one_of", uses: ["ValidationIssue", "_Path", "_accounted", "_describe"], text: `def _check_one_of(
    item: object, at: _Path, issues: list[ValidationIssue], words: str, matched: bool
) -> None:
    if not matched and not _accounted(item, at, issues, nullable=False):
        message = f"expected {words}, got {_describe(item)}"
        issues.append(ValidationIssue(at, "wrong_type", message))
` },
  { name: "_check_range", uses: ["ValidationIssue", "_Path", "Optional", "cast", "_js_number"], text: `def _check_range(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    minimum: Optional[float],
    maximum: Optional[float],
) -> None:
    """Report a number (already checked as one) outside [minimum, maximum]."""
    number = cast("float", item)
    if minimum is not None and number < minimum:
        message = f"expected at least {_js_number(minimum)}, got {_js_number(number)}"
        issues.append(ValidationIssue(at, "out_of_range", message))
    if maximum is not None and number > maximum:
        message = f"expected at most {_js_number(maximum)}, got {_js_number(number)}"
        issues.append(ValidationIssue(at, "out_of_range", message))
` },
  { name: "_check_text", uses: ["ValidationIssue", "_Path", "Optional", "cast", "_FORMATS", "_utf16_length", "_quote"], text: `def _check_text(
    item: object,
    at: _Path,
    issues: list[ValidationIssue],
    min_length: Optional[int],
    text_format: Optional[str],
) -> None:
    """Report a string (already checked as one) that is too short or not of its format."""
    text = cast("str", item)
    length = _utf16_length(text)
    if min_length is not None and length < min_length:
        message = f"expected at least {min_length} characters, got {length}"
        issues.append(ValidationIssue(at, "too_short", message))
    if text_format is not None and not _FORMATS[text_format](text):
        message = f"expected a {text_format} string, got {_quote(text)}"
        issues.append(ValidationIssue(at, "bad_format", message))
` },
  { name: "_utf16_length", uses: [], text: `def _utf16_length(text: str) -> int:
    """The length JavaScript gives a string: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
` },
  { name: "_check_count", uses: ["ValidationIssue", "_Path"], text: `def _check_count(
    items: list[object], at: _Path, issues: list[ValidationIssue], min_items: int
) -> None:
    if len(items) < min_items:
        message = f"expected at least {min_items} items, got {len(items)}"
        issues.append(ValidationIssue(at, "too_short", message))
` },
  { name: "_is_uuid", uses: ["_UUID"], text: `def _is_uuid(text: str) -> bool:
    return _UUID.fullmatch(text) is not None
` },
  { name: "_is_uri", uses: ["_URI"], text: `def _is_uri(text: str) -> bool:
    return _URI.fullmatch(text) is not None
` },
  { name: "_is_date", uses: ["_DATE", "_in_calendar"], text: `def _is_date(text: str) -> bool:
    match = _DATE.fullmatch(text)
    return match is not None and _in_calendar(match, 2)
` },
  { name: "_is_date_time", uses: ["_DATE_TIME", "_in_calendar"], text: `def _is_date_time(text: str) -> bool:
    match = _DATE_TIME.fullmatch(text)
    return match is not None and _in_calendar(match, len(_CALENDAR))
` },
  // After the functions it holds: a module-level table is built at import.
  { name: "_FORMATS", uses: ["Callable", "Mapping", "_is_date_time", "_is_date", "_is_uuid", "_is_uri"], text: `_FORMATS: Mapping[str, Callable[[str], bool]] = {
    "date-time": _is_date_time,
    "date": _is_date,
    "uuid": _is_uuid,
    "uri": _is_uri,
}
` },
  { name: "_in_calendar", uses: ["re", "_CALENDAR"], text: `def _in_calendar(match: re.Match[str], fields: int) -> bool:
    """Month 01-12, day 01-31, hour to 23, minute to 59, second to 60 (the first \`\`fields\`\`)."""
    limits = _CALENDAR[:fields]
    return all(low <= int(match[group]) <= high for group, low, high in limits)
` },
  { name: "_fits_range", uses: ["Optional", "_as_number", "math"], text: `def _fits_range(
    item: object, minimum: Optional[float], maximum: Optional[float]
) -> bool:
    """A finite number within the bounds (an int beyond the double range is not finite)."""
    number = _as_number(item)
    return (
        number is not None
        and math.isfinite(number)
        and (minimum is None or number >= minimum)
        and (maximum is None or number <= maximum)
    )
` },
  { name: "_fits_text", uses: ["Optional", "_FORMATS", "_utf16_length"], text: `def _fits_text(
    item: object, min_length: Optional[int], text_format: Optional[str]
) -> bool:
    return (
        isinstance(item, str)
        and (min_length is None or _utf16_length(item) >= min_length)
        and (text_format is None or _FORMATS[text_format](item))
    )
` },
  { name: "_every_item", uses: ["Callable", "cast"], text: `def _every_item(item: object, check: Callable[[object], bool]) -> bool:
    try:
        return isinstance(item, list) and all(map(check, cast("list[object]", item)))
    except Exception:  # a list that cannot be read matches nothing
        return False
` },
  { name: "_every_value", uses: ["Callable", "Mapping", "cast"], text: `def _every_value(item: object, check: Callable[[object], bool]) -> bool:
    try:
        obj = cast("Mapping[object, object]", item)
        return isinstance(item, Mapping) and all(check(obj[key]) for key in obj)
    except Exception:  # a mapping that cannot be read matches nothing
        return False
` },
  { name: "_in_enum", uses: ["_Enum", "_is_int_value"], text: `def _in_enum(item: object, enum: _Enum) -> bool:
    fits = _is_int_value(item) if enum.numeric else isinstance(item, str)
    return fits and item in enum.values
` },
  { name: "_violates", uses: ["Sequence", "_ABSENT"], text: `def _violates(
    if_value: object,
    if_values: Sequence[str],
    then_value: object,
    then_values: Sequence[str],
) -> bool:
    """A rule's verdict on two values that passed their own checks (\`\`_ABSENT\`\` otherwise)."""
    return (
        isinstance(if_value, str)
        and if_value in if_values
        and then_value is not _ABSENT
        and not (isinstance(then_value, str) and then_value in then_values)
    )
` },
  { name: "_check_unknown_keys", uses: ["Mapping", "cast", "ValidationIssue", "_Path", "_sorted_keys", "_quote", "_UNREADABLE"], text: `def _check_unknown_keys(
    value: object,
    path: _Path,
    issues: list[ValidationIssue],
    known: frozenset[str],
) -> None:
    try:
        keys = _sorted_keys(cast("Mapping[object, object]", value))
    except Exception:  # a mapping that cannot be read is reported, never raised
        issues.append(ValidationIssue(path, "unreadable", _UNREADABLE))
        return
    for key, _original in keys:
        if key not in known:
            message = f"unknown key {_quote(key)}"
            issues.append(ValidationIssue((*path, key), "unknown_key", message))
` },
  { name: "_is_int_value", uses: ["math", "_as_number"], text: `def _is_int_value(item: object) -> bool:
    """An integer as JavaScript reads it: a finite number with no fraction, never a bool."""
    number = _as_number(item)
    return number is not None and math.isfinite(number) and number.is_integer()
` },
  { name: "_is_float_value", uses: ["math", "_as_number"], text: `def _is_float_value(item: object) -> bool:
    number = _as_number(item)
    return number is not None and math.isfinite(number)
` },
  { name: "_is_text", uses: [], text: `def _is_text(item: object) -> bool:
    return type(item) is str
` },
  { name: "_is_whole", uses: ["_FINITE_INT"], text: `def _is_whole(item: object) -> bool:
    return type(item) is int and -_FINITE_INT < item < _FINITE_INT
` },
  { name: "_is_real", uses: ["_FINITE_INT", "_INF"], text: `def _is_real(item: object) -> bool:
    if type(item) is float:
        return -_INF < item < _INF
    return type(item) is int and -_FINITE_INT < item < _FINITE_INT
` },
  { name: "_is_flag", uses: [], text: `def _is_flag(item: object) -> bool:
    return type(item) is bool
` },
  { name: "_is_json", uses: ["cast", "_FINITE_INT", "_INF"], text: `def _is_json(value: object) -> bool:
    """Whether \`\`value\`\` is JSON made of exact built-in types (the fast path's check)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            obj = cast("dict[object, object]", item)
            if not all(type(key) is str for key in obj):
                return False
            stack.extend(obj.values())
        elif type(item) is list:
            stack.extend(cast("list[object]", item))
        elif type(item) is float:
            if not -_INF < item < _INF:
                return False
        elif type(item) is int:
            if not -_FINITE_INT < item < _FINITE_INT:
                return False
        elif not (item is None or type(item) is str or type(item) is bool):
            return False
    return True
` },
  { name: "_all_in", uses: ["cast", "_is_text"], text: `def _all_in(items: object, values: frozenset[object]) -> bool:
    if type(items) is not list:
        return False
    listed = cast("list[object]", items)
    return all(_is_text(item) and item in values for item in listed)
` },
  { name: "_has_items", uses: ["cast"], text: `def _has_items(items: object, min_items: int) -> bool:
    return type(items) is list and len(cast("list[object]", items)) >= min_items
` },
  { name: "_all_items", uses: ["Callable", "cast"], text: `def _all_items(items: object, check: Callable[[object], bool]) -> bool:
    return type(items) is list and all(map(check, cast("list[object]", items)))
` },
  { name: "_all_values", uses: ["Callable", "cast"], text: `def _all_values(entries: object, check: Callable[[object], bool]) -> bool:
    obj = cast("dict[object, object]", entries)
    return type(entries) is dict and all(map(check, obj.values()))
` },
  { name: "_as_number", uses: ["Optional", "math"], text: `def _as_number(value: object) -> Optional[float]:
    """The number JSON.parse reads for the same JSON text; None for non-numbers."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:  # an int beyond the double range is an infinity in JavaScript
        return math.inf if value > 0 else -math.inf
` },
  { name: "_sorted_keys", uses: ["Mapping", "_utf16"], text: `def _sorted_keys(obj: Mapping[object, object]) -> list[tuple[str, object]]:
    """Keys as text, with the key itself, in UTF-16 code unit order (JavaScript's sort())."""
    keys = [(str(key), key) for key in obj]
    return sorted(keys, key=lambda entry: _utf16(entry[0]))
` },
  { name: "_utf16", uses: [], text: `def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")
` },
  { name: "_describe", uses: ["math", "_as_number", "_KINDS", "_KIND_OF_TYPE", "_FINITE_INT"], text: `def _describe(value: object) -> str:
    """What a value is, in the words of the messages ("an integer", "an array")."""
    words = _KIND_OF_TYPE.get(type(value))
    if words is not None:
        return words
    if type(value) is int and -_FINITE_INT < value < _FINITE_INT:
        return "an integer"
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
  { name: "_KIND_OF_TYPE", uses: [], text: `_KIND_OF_TYPE: dict[type, str] = {
    str: "a string",
    list: "an array",
    dict: "an object",
    bool: "a boolean",
    type(None): "null",
}
` },
  { name: "_quote", uses: ["json", "_LONE_SURROGATE"], text: `def _quote(text: str) -> str:
    """Quotes text in a message as JSON.stringify does (lone surrogates escaped)."""
    if text.isidentifier():  # nothing in an identifier needs escaping
        return f'"{text}"'
    if text.isascii() and text.isprintable() and '"' not in text and "\\\\" not in text:
        return f'"{text}"'
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
]);
