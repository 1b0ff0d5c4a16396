#!/usr/bin/python3
"""Runs readability-lxml (Debian's python3-readability) on the article-extraction benchmark pages.

Usage: /usr/bin/python3 tools/eval/readability_bench.py BENCHMARK_DIR
Prints one JSON object: {"seconds": <wall-clock extraction time of all pages>, "cpu_seconds": <process CPU time
of the same>, "pages": {"<id>": "<text>"}}. CPU time is the fairer figure on a shared machine.
The pages are read and decompressed before timing starts; the time covers readability's parse and summary and
the conversion of its summary HTML to text (blocks separated by newlines), as the C# side times decode+extract.
"""
import gzip
import json
import os
import re
import sys
import time

import lxml.html
from readability import Document

BLOCK_OPEN = re.compile(r"<(p|div|h[1-6]|li|br|tr|blockquote|pre|table|ul|ol|section|article)\b", re.I)


def to_text(summary_html):
    if not summary_html:
        return ""
    marked = BLOCK_OPEN.sub(lambda m: "\n" + m.group(0), summary_html)
    root = lxml.html.fromstring(marked)
    lines = [re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n")]
    return "\n\n".join(line for line in lines if line)


def main():
    bench = sys.argv[1]
    html_dir = os.path.join(bench, "html")
    raw = {}
    for name in sorted(os.listdir(html_dir)):
        if name.endswith(".html.gz"):
            with gzip.open(os.path.join(html_dir, name), "rb") as f:
                raw[name[: -len(".html.gz")]] = f.read()
    out = {}
    start = time.perf_counter()
    cpu_start = time.process_time()
    for key, data in raw.items():
        try:
            out[key] = to_text(Document(data).summary(html_partial=True))
        except Exception:  # a page readability cannot read scores as empty
            out[key] = ""
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    json.dump({"seconds": seconds, "cpu_seconds": cpu_seconds, "pages": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
