#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""docs/reference.md names every public name: each name declared at
namespace scope in `typed_metrics` (not in `typed_metrics::detail`) by a
header include/typed_metrics/*.hpp must appear, as code (`name...` or
`tmx::name...`), in a section of the reference whose heading names that
header.

    reference_names.py ROOT
"""
import pathlib
import re
import sys

KEYWORDS = {"requires", "decltype", "noexcept", "sizeof", "alignas", "static_assert", "operator"}


def code_only(text):
    """The text without comments, string and character literals."""
    token = r'//[^\n]*|/\*.*?\*/|R"\((?:.|\n)*?\)"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
    return re.sub(token, lambda m: " " if m.group(0)[0] == "/" else '""', text, flags=re.DOTALL)


def without_angles(text):
    """`template <...>` arguments and other angle brackets removed, balanced."""
    out, depth = "", 0
    for ch in text:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth > 0:
            depth -= 1
        elif depth == 0:
            out += ch
    return out


def declared_name(statement):
    """The name a namespace-scope declaration introduces, or None."""
    statement = " ".join(statement.split())
    statement = re.sub(r"^(template\s*<.*?>\s*)+", "", statement) if statement.startswith("template") else statement
    flat = without_angles(statement)
    flat = re.sub(r"^\s*requires\s*\(.*?\)\s*(?=using|struct|class|concept)", "", flat)
    for pattern in (r"\bconcept (\w+)", r"\busing (\w+) =", r"\benum(?: class)? (\w+)",
                    r"^(?:struct|class|union) (?:\[\[.*?\]\] )?(\w+)\s*(?:final)?\s*(?::|$)"):
        match = re.search(pattern, flat)
        if match:
            return match.group(1)
    if re.match(r"^(?:struct|class) \w+\s*::", flat) or flat.startswith("namespace") or not flat:
        return None  # a member defined outside its class
    match = re.search(r"(\w+)\s*(?:=|$)", flat.split("(")[0]) if "(" not in flat or "=" in flat.split("(")[0] \
        else None
    if match:
        return match.group(1)  # a variable
    match = re.search(r"(\w+)\s*\(", flat)  # a function
    return match.group(1) if match and match.group(1) not in KEYWORDS else None


def public_names(header):
    """The names declared directly in namespace typed_metrics."""
    text = code_only(header.read_text())
    text = re.sub(r"^\s*#[^\n]*", "", text, flags=re.MULTILINE)
    names, scopes, statement = [], [], ""
    for ch in text:
        if ch == "{":
            match = re.search(r"namespace\s+([\w:]*)\s*$", statement)
            if match:
                scopes.append(match.group(1))
            else:
                if scopes == ["typed_metrics"]:
                    names.append(declared_name(statement))
                scopes.append(None)
            statement = ""
        elif ch == "}":
            scopes.pop()
            statement = ""
        elif ch == ";":
            if scopes == ["typed_metrics"]:
                names.append(declared_name(statement))
            statement = ""
        else:
            statement += ch
    return sorted({name for name in names if name})


def sections(reference):
    """Each `###` section's text, by the headers its heading names."""
    by_header = {}
    for section in re.split(r"^### ", reference.read_text(), flags=re.MULTILINE)[1:]:
        heading = section.split("\n", 1)[0]
        for header in re.findall(r"`typed_metrics/([a-z_]+\.hpp)`", heading):
            by_header[header] = by_header.get(header, "") + section
    return by_header


def main():
    root = pathlib.Path(sys.argv[1])
    by_header = sections(root / "docs/reference.md")
    missing, count = [], 0
    for header in sorted((root / "include/typed_metrics").glob("*.hpp")):
        text = by_header.get(header.name, "")
        for name in public_names(header):
            count += 1
            if not re.search(r"`(tmx::)?" + re.escape(name) + r"\b", text):
                missing.append(f"{header.name}: {name}")
    if missing:
        sys.exit("docs/reference.md lacks these public names (in the section of their header):\n    " +
                 "\n    ".join(missing))
    print(f"docs/reference.md names all {count} public names of include/typed_metrics/*.hpp")


if __name__ == "__main__":
    main()
