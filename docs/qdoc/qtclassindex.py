#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes a qdoc index of the Qt classes that QtVirt's documentation names.

Usage: qtclassindex.py OUTPUT QT_INCLUDE SOURCE...

qdoc links a class name to the page of the index that knows it (the
`indexes` variable of docs/qtvirt.qdocconf). Qt ships an index per module
beside its own documentation, but Debian 12 packages neither: only qdoc
itself (qt6-documentation-tools). So this script names the Qt classes the
SOURCE files mention, keeps those for which Qt installs a class header
(QT_INCLUDE/QtModule/ClassName, as it does for every public class), and
writes them as an index whose pages are on doc.qt.io, where Qt's reference
names each class page after the class in lower case.
"""
import pathlib
import re
import sys
from xml.sax.saxutils import quoteattr

QT_DOCS = "https://doc.qt.io/qt-6"
# A Qt class name: Q, a capital, then at least one lower-case letter
# somewhere (which leaves out macros such as QML or QT_...).
CLASS_NAME = re.compile(r"\bQ[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*\b")


def qt_classes(include_dir, sources):
    """The Qt classes named in sources, each with the module that has it."""
    headers = {}
    for module in sorted(include_dir.glob("Qt*")):
        for header in module.iterdir():
            if CLASS_NAME.fullmatch(header.name):
                headers.setdefault(header.name, module.name)
    named = set()
    for source in sources:
        named.update(CLASS_NAME.findall(source.read_text(encoding="utf-8")))
    return {name: headers[name] for name in sorted(named) if name in headers}


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    output = pathlib.Path(argv[0])
    classes = qt_classes(pathlib.Path(argv[1]), [pathlib.Path(p) for p in argv[2:]])
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE QDOCINDEX>",
        f'<INDEX url="{QT_DOCS}" title="Qt" version="6" project="Qt">',
        '<namespace name="" status="active" access="public" module="qt">',
    ]
    for name, module in classes.items():
        lines.append(
            f"<class name={quoteattr(name)} fullname={quoteattr(name)}"
            f" href={quoteattr(name.lower() + '.html')} status=\"active\""
            f" access=\"public\" documented=\"true\" module={quoteattr(module)}/>"
        )
    lines += ["</namespace>", "</INDEX>", ""]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
