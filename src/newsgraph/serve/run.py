"""Running the server for ``newsgraph serve``: the app, the address, a first URL to open."""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Callable
from urllib.parse import quote

from ..store import Store, shown_db
from .api import create_app
from .queries import top_pairs


def first_url(db: str, base: str) -> str:
    """The dossier of the two countries most written about together, else the home page."""
    with Store.open(db, readonly=True) as store:
        pairs = top_pairs(store, limit=1)
    if not pairs:
        return base + "/"
    pair = pairs[0]
    return f"{base}/#/dossier/{quote(pair.a, safe=':')}/{quote(pair.b, safe=':')}"


def run(db: str, *, host: str = "127.0.0.1", port: int = 8000, ingest_token: str | None = None,
        open_browser: bool = False, say: Callable[[str], None] = lambda line: None) -> None:
    """Serve the API and the web UI over the store at ``db`` until interrupted."""
    import uvicorn

    app = create_app(db, ingest_token=ingest_token)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://{shown}:{port}"
    url = first_url(db, base)
    say(f"newsgraph: serving {shown_db(db)} at {base}/  (API: {base}/api/v1/openapi.json)")
    say(f"newsgraph: open {url}")
    say("newsgraph: ingest over HTTP is " + ("on (token set)" if ingest_token else "off"))
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                           server_header=False))
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run()


def _open_when_started(server: object, url: str, wait_s: float = 30.0) -> None:
    deadline = time.monotonic() + wait_s
    while not getattr(server, "started", False) and time.monotonic() < deadline:
        time.sleep(0.05)
    webbrowser.open(url)
