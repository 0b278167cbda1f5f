"""Imports a generated package as a user would and prints its constants as JSON.

Usage: dump_defs.py PYTHON_DIR PACKAGE

Prints {"constants": {name: value}, "classes": {name: {member: value}}, "all": [...]} for the
package's defs module (module-level constants, and the plain classes of constants), so the
caller can compare them with the TypeScript module's values.
"""

import importlib
import json
import sys


def main() -> None:
    python_dir, package = sys.argv[1:3]
    sys.path.insert(0, python_dir)
    root = importlib.import_module(package)
    defs = importlib.import_module(f"{package}.defs")
    importlib.import_module(f"{package}.messages")
    constants = {}
    classes = {}
    for name, value in vars(defs).items():
        if name.startswith("__"):
            continue
        if isinstance(value, type):
            classes[name] = {
                member: held
                for member, held in vars(value).items()
                if not member.startswith("__")
            }
        elif isinstance(value, (str, int, float, bool)):
            constants[name] = value
    json.dump(
        {"constants": constants, "classes": classes, "all": sorted(root.__all__)},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
