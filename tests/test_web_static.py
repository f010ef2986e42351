"""The web UI's own files: no inline script or style, no markup built from strings,
nothing loaded from elsewhere, every vendored library with its licence."""

from __future__ import annotations

import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "serve" / "web"
OURS = sorted((WEB / "static" / "js").rglob("*.js"))
VENDORED = ["vega/vega.min.js", "vega-lite/vega-lite.min.js", "vega-embed/vega-embed.min.js",
            "cytoscape/cytoscape.min.js"]


def test_index_has_no_inline_script_or_style():
    html = (WEB / "index.html").read_text("utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son\w+=", html)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)


def test_our_scripts_never_build_markup_from_strings():
    assert OURS
    banned = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function"
                        r"|setAttribute\(\s*[\"']style|https?://(?!vega\.github\.io)")
    for path in OURS:
        text = path.read_text("utf-8")
        assert not banned.search(text), f"{path.name}: {banned.search(text).group(0)}"


def test_vendored_libraries_are_present_with_licences():
    vendor = WEB / "static" / "vendor"
    for name in VENDORED:
        assert (vendor / name).stat().st_size > 50_000
        licence = (vendor / name).parent / "LICENSE"
        assert re.search(r"BSD|MIT|Permission is hereby granted|Redistribution and use", licence.read_text("utf-8"))
    assert (vendor / "README.md").exists()
