#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""A recording file does not include the standard headers that
docs/design.md's Compile-time rules list ("Standard headers a recording file
does not include"): each header that typed_metrics.hpp includes, and
typed_metrics.hpp itself, is preprocessed on its own, and no file it reads,
directly or through other headers, may be one of them.

    recording_headers.py ROOT COMPILER [FLAG...]
"""
import pathlib
import re
import subprocess
import sys
import tempfile

SECTION = "### Standard headers a recording file does not include"


def forbidden_headers(design):
    """The headers in the first column of the section's table."""
    text = design.read_text()
    start = text.find(SECTION)
    if start == -1:
        sys.exit(f"{design}: no section '{SECTION}'")
    section = text[start + len(SECTION):]
    section = section[:section.find("\n#")] if "\n#" in section else section
    names = []
    for row in re.findall(r"^\| ([^|]*) \|", section, re.MULTILINE):
        names += re.findall(r"`<([a-z_]+)>`", row)
    if not names:
        sys.exit(f"{design}: the section '{SECTION}' lists no header")
    return names


def recording_headers(root):
    umbrella = root / "include/typed_metrics/typed_metrics.hpp"
    included = re.findall(r"^#include <(typed_metrics/[a-z_]+\.hpp)>", umbrella.read_text(), re.MULTILINE)
    return ["typed_metrics/typed_metrics.hpp"] + included


def include_chains(compiler, flags, header):
    """Every file the preprocessor opens for `#include <header>`, with the
    chain of includes that led to it (g++ and clang++ print it with -H)."""
    with tempfile.NamedTemporaryFile("w", suffix=".cpp") as source:
        source.write(f"#include <{header}>\n")
        source.flush()
        run = subprocess.run([compiler, "-std=c++20", "-E", "-H", "-o", "/dev/null", *flags, source.name],
                             capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{header} does not preprocess:\n{run.stderr}")
    stack = []
    for line in run.stderr.splitlines():
        match = re.match(r"^(\.+) (.*)$", line)
        if not match:
            continue
        depth = len(match.group(1))
        del stack[depth - 1:]
        stack.append(match.group(2))
        yield list(stack)


def main():
    root = pathlib.Path(sys.argv[1])
    compiler, flags = sys.argv[2], sys.argv[3:]
    forbidden = set(forbidden_headers(root / "docs/design.md"))
    failures = 0
    headers = recording_headers(root)
    for header in headers:
        for chain in include_chains(compiler, flags, header):
            if pathlib.PurePath(chain[-1]).name in forbidden:
                failures += 1
                print(f"{header} includes <{pathlib.PurePath(chain[-1]).name}>:\n    " + "\n    ".join(chain))
    if failures:
        sys.exit(f"{failures} forbidden include(s) on the recording path (docs/design.md, Compile-time rules)")
    print(f"{len(headers)} recording headers include none of: " + ", ".join(f"<{h}>" for h in sorted(forbidden)))


if __name__ == "__main__":
    main()
