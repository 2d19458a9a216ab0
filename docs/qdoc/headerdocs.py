#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Turns the qdoc comments of QtVirt's public headers into .qdoc files.

The API is documented where a reader of a header looks for it: next to each
declaration, in /*! */ comments without topic commands, and enum values
with ///< comments. qdoc (Qt 6.4) reads comments from source files only and
ties a comment without a topic command to the function *definition* that
follows it, so it would ignore every comment inside a class body. This
script writes each such comment out with the topic command its declaration
implies (\\fn, \\enum with \\value lines, \\property, \\variable), one .qdoc
file per header, which qdoc then reads as a source.

qdoc says nothing about a member that has no comment at all, so this script
also fails, listing them, when a public or protected declaration of an
exported class or namespace has no /*! */ comment, or a Q_PROPERTY has no
\\property block (in its header or in a .qdoc file next to this script).

Usage: headerdocs.py OUTPUT_DIR HEADER...
"""

import os
import re
import sys

TOPICS = re.compile(r"\\(class|namespace|fn|enum|property|variable|typedef|headerfile|macro|"
                    r"page|qmltype|module|group)\b")
SCOPE = re.compile(r"\b(class|struct|namespace)\s+(?:QTVIRT_EXPORT\s+)?(\w+)[^;{]*\{")
ENUM_BODY = re.compile(r"enum\b[^;{]*\{")
DROPPED_WORDS = re.compile(r"\b(QTVIRT_EXPORT|Q_INVOKABLE|Q_REQUIRED_RESULT|static|virtual|"
                           r"explicit|inline|friend|Q_SIGNAL|Q_SLOT)\s+")


def comment_text(raw):
    """The body of a /*! */ comment, without its delimiters."""
    body = raw[3:-2]
    lines = [line.rstrip() for line in body.split("\n")]
    return "\n".join(lines).strip("\n")


def next_declaration(text, pos):
    """The code after pos, up to the ';' or '{' that ends the declaration."""
    depth = 0
    i = pos
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth <= 0 and c in ";{":
            code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text[pos:i], flags=re.S)
            return code.strip(), c, i
        i += 1
    raise ValueError("declaration without end after offset %d" % pos)


def enum_values(text, brace):
    """\\value lines for the enumerators in the enum body starting at brace:
    each enumerator with its ///< comment, or the /*! */ comment before it."""
    body = text[brace + 1:text.index("};", brace)]
    values = []
    pending = None
    for comment, code in re.findall(r"\s*/\*!(.*?)\*/|([^\n]*)", body, re.S):
        if comment:
            pending = " ".join(comment.split())
            continue
        code, _, inline = code.partition("///<")
        inline = inline.strip()
        names = [re.match(r"\s*([A-Za-z_]\w*)(?:\s*=\s*(VIR_\w+))?", part)
                 for part in code.split(",")]
        names = [name for name in names if name]
        for name in names:
            # A value that mirrors libvirt's names its constant at least.
            constant = name.group(2)
            values.append([name.group(1), "\\c %s" % constant if constant else ""])
        if names and (inline or pending):
            values[-1][1] = inline or pending
            pending = None
        elif inline and values:
            # An enumerator whose value and comment went to the next line.
            values[-1][1] = inline
    return [tuple(value) for value in values]


def qualify_function(declaration, scope, nested):
    """The \\fn signature: the declaration with scope:: before its name, and
    before a return type declared in the scope (qdoc parses it as an
    out-of-class definition)."""
    decl = DROPPED_WORDS.sub("", " ".join(declaration.split()))
    decl = re.sub(r"\s*(override|final|=\s*0|=\s*default|=\s*delete)\s*$", "", decl)
    if not scope:
        return decl
    paren = decl.index("(")
    head = decl[:paren]
    match = re.search(r"(operator\s*\S+|~?\w+)\s*$", head)
    return_type = re.sub(r"\b(%s)\b" % "|".join(nested), scope + r"::\1",
                         head[:match.start()]) if nested else head[:match.start()]
    return return_type + scope + "::" + head[match.start():].rstrip() + decl[paren:]


def convert(header):
    with open(header, encoding="utf-8") as f:
        text = f.read()
    out = []
    sections = {}
    # Scopes by the brace depth at which they were opened.
    scopes = []
    depth = 0
    i = 0
    while i < len(text):
        if text.startswith("/*!", i):
            end = text.index("*/", i) + 2
            body = comment_text(text[i:end])
            scope = "::".join(name for name, _ in scopes)
            group = re.search(r"\\name\s+([^\n]+)", body)
            if group:
                # A group of members ("\\name Domain operations"): a section
                # of the class's page, which \\l{Domain operations} links to.
                text_of_group = body.replace(group.group(0), "").strip("\n")
                sections.setdefault(scope, []).append(
                    "\\section1 %s\n%s" % (group.group(1).strip(), text_of_group))
                i = end
                continue
            if TOPICS.search(body):
                if re.search(r"\\(class|namespace)\b", body) and "\\inmodule" not in body:
                    body += "\n\\inmodule QtVirt"
                out.append(body)
            else:
                topic, values = topic_for(text, end, scope)
                lines = [topic, body] + ["\\value %s %s" % value for value in values]
                out.append("\n".join(lines))
            i = end
            continue
        if text.startswith("//", i):
            i = text.index("\n", i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        # Enumerators' own comments become \\value lines of their enum.
        enum_body = ENUM_BODY.match(text, i)
        if enum_body and not text[i - 1].isalnum():
            i = text.index("};", enum_body.end()) + 2
            continue
        match = SCOPE.match(text, i)
        if match and (i == 0 or not text[i - 1].isalnum()):
            scopes.append((match.group(2), depth))
            depth += 1
            i = match.end()
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if scopes and scopes[-1][1] == depth:
                scopes.pop()
        i += 1
    for scope, texts in sections.items():
        for index, block in enumerate(out):
            if re.search(r"\\class %s\b" % scope, block):
                out[index] = block + "\n\n" + "\n\n".join(texts)
    return out


def topic_for(text, pos, scope):
    declaration, terminator, at = next_declaration(text, pos)
    prefix = scope + "::" if scope else ""
    property_match = re.match(r"Q_PROPERTY\(\s*(?:[\w:<>]+\s*\*?\s*)(\w+)", declaration)
    if property_match:
        return "\\property " + prefix + property_match.group(1), []
    enum_match = re.match(r"enum\s+(?:class\s+)?(\w+)", declaration)
    if enum_match:
        values = enum_values(text, at) if terminator == "{" else []
        return "\\enum " + prefix + enum_match.group(1), values
    if "(" in declaration and not declaration.startswith("using"):
        if re.match(r"friend\b", declaration):
            # A friend: a non-member that belongs to the class. qdoc finds
            # one defined in the class body (a hidden friend) by the class's
            # name only, as Qt's own documentation writes it.
            if terminator == "{":
                return "\\fn " + qualify_function(declaration, scope, nested_types(text)), []
            return "\\fn " + qualify_function(declaration, "", []) + "\n\\relates " + scope, []
        if not scope:
            return "\\fn " + qualify_function(declaration, "", []) + "\n\\relates " + \
                related_class(text, pos), []
        return "\\fn " + qualify_function(declaration, scope, nested_types(text)), []
    name = re.search(r"(\w+)\s*(?:=.*)?$", declaration)
    if not name:
        raise ValueError("no declaration to document after: " + text[pos:pos + 80])
    name = name.group(1)
    return "\\variable " + prefix + name, []


def nested_types(text):
    """The enums and flag types a header declares, for qualifying return types."""
    names = re.findall(r"enum\s+(?:class\s+)?(\w+)", text)
    names += re.findall(r"Q_DECLARE_FLAGS\(\s*(\w+)", text)
    return names


def related_class(text, pos):
    """The class a free function's declaration (operator<<) is about."""
    declaration = next_declaration(text, pos)[0]
    return re.search(r"const\s+(Q\w+)\s*&", declaration.split("(", 1)[1]).group(1)


ACCESS = re.compile(r"\s*(public|protected|private)?\s*(Q_SLOTS|Q_SIGNALS|slots|signals)?\s*:(?!:)")
MACRO = re.compile(r"(?!Q_INVOKABLE|Q_REQUIRED_RESULT|Q_SIGNALS|Q_SLOTS)Q_[A-Z_]+\b(\s*\((?:[^()]|\([^()]*\))*\))?")
NOT_API = re.compile(r"\s*(Q_[A-Z_]+\b(?!.*\boperator)|friend\s+class|using\b|class\s+\w+\s*;)")


def undocumented(header):
    """The public and protected declarations of the exported classes and
    namespaces in header that have no /*! */ comment before them: qdoc
    itself says nothing about a member without documentation."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    found = []
    for match in re.finditer(r"\n(class QTVIRT_EXPORT (\w+)[^;{]*|namespace (\w+) )\{", text):
        scope = match.group(2) or match.group(3)
        access = "public" if match.group(3) else "private"
        i = match.end()
        previous_end = i
        while True:
            while text[i].isspace():
                i += 1
            if text[i] == "}":
                break
            if text.startswith("/*", i):
                i = text.index("*/", i) + 2
                continue
            if text.startswith("//", i):
                i = text.index("\n", i)
                continue
            macro = MACRO.match(text, i)
            if macro:
                # Q_OBJECT, Q_PROPERTY(...), Q_ENUM(...): no semicolon.
                i = previous_end = macro.end()
                continue
            label = ACCESS.match(text, i)
            if label and (label.group(1) or label.group(2)):
                access = "private" if label.group(1) == "private" else "public"
                i = label.end()
                previous_end = i
                continue
            declaration, terminator, at = next_declaration(text, i)
            end = at + 1
            if terminator == "{":
                # A body (enum, inline function): skip to its end.
                depth = 1
                while depth:
                    depth += {"{": 1, "}": -1}.get(text[end], 0)
                    end += 1
                if text[end:end + 1] == ";":
                    end += 1
            documented = text[previous_end:i].rstrip().endswith("*/") and \
                "/*!" in text[previous_end:i]
            deleted = re.search(r"=\s*delete$", declaration)
            if access == "public" and not documented and not NOT_API.match(declaration) \
                    and declaration and not deleted:
                line = text.count("\n", 0, i) + 1
                found.append("%s:%d: undocumented in %s: %s" % (
                    header, line, scope, " ".join(declaration.split())[:90]))
            previous_end = end
            i = end
    return found


def undocumented_properties(header):
    """The Q_PROPERTYs of header without a \\property block, in the header
    or in the .qdoc files next to this script."""
    here = os.path.dirname(os.path.abspath(__file__))
    documented = set()
    for name in os.listdir(here):
        if name.endswith(".qdoc"):
            with open(os.path.join(here, name), encoding="utf-8") as f:
                documented.update(re.findall(r"\\property\s+(\w+::\w+)", f.read()))
    with open(header, encoding="utf-8") as f:
        text = f.read()
    documented.update(re.findall(r"\\property\s+(\w+::\w+)", text))
    found = []
    for match in re.finditer(r"\nclass QTVIRT_EXPORT (\w+)[^;{]*\{", text):
        body = text[match.end():text.index("\n};", match.end())]
        for prop in re.finditer(r"Q_PROPERTY\(\s*[\w:<>]+\s*\*?\s*(\w+)\s+READ", body):
            qualified = match.group(1) + "::" + prop.group(1)
            if qualified not in documented:
                found.append("%s: undocumented property %s (add a \\property block to docs/qdoc)"
                             % (header, qualified))
    return found


def main():
    output_dir, headers = sys.argv[1], sys.argv[2:]
    problems = [problem for header in headers
                for problem in undocumented(header) + undocumented_properties(header)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("headerdocs.py: error: %d public declarations without a /*! */ comment"
              % len(problems), file=sys.stderr)
        sys.exit(1)
    os.makedirs(output_dir, exist_ok=True)
    for header in headers:
        blocks = convert(header)
        name = os.path.splitext(os.path.basename(header))[0] + ".qdoc"
        with open(os.path.join(output_dir, name), "w", encoding="utf-8") as f:
            f.write("// Generated from %s by headerdocs.py.\n" % os.path.basename(header))
            for block in blocks:
                f.write("\n/*!\n" + block + "\n*/\n")


if __name__ == "__main__":
    main()
