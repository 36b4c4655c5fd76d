"""The API's request log: a bounded local SQLite store of served requests (inputs, outputs, latency)
and of rejections (route, status and the offending field names only — never the rejected inputs).

Writes happen on one background thread fed by a bounded queue and are committed in batches (every
`batch_seconds` or 500 entries; WAL journal), so logging adds no disk wait to a request and one commit
serves many requests; when the queue is full the entry is dropped and counted rather than slowing the
API down.
The table keeps the newest `max_rows` entries. The drift job (monitoring.request_drift) reads it.
"""
from __future__ import annotations

import json
import queue
import sqlite3
import threading
import time
from pathlib import Path

import pandas as pd

SCHEMA = """CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, route TEXT NOT NULL, status INTEGER NOT NULL,
  latency_ms REAL, inputs TEXT, outputs TEXT, rejected_fields TEXT)"""


def default_log_path(root) -> Path:
    """`<epoch 007 data folder>/requests.sqlite` (Domino's dataset folder there, a local stand-in here)."""
    import os

    from pipec_runtime import ProjectPaths
    from pipec_runtime import config as runtime_config

    env = os.environ.get("PIPEC_REQUEST_LOG")
    if env:
        return Path(env)
    return ProjectPaths(Path(root), runtime_config.load_ir(Path(root))).data_dir("007") / "requests.sqlite"


class RequestLog:
    """Bounded request log; `accepted`/`rejected` never block, `flush` waits for pending writes."""

    def __init__(self, path: Path | str, max_rows: int = 100_000, queue_size: int = 10_000,
                 batch_seconds: float = 0.2) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.max_rows = max_rows
        self.batch_seconds = batch_seconds
        self.dropped = 0
        self._queue: queue.Queue = queue.Queue(maxsize=queue_size)
        with sqlite3.connect(self.path) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
        self._thread = threading.Thread(target=self._run, name="request-log", daemon=True)
        self._thread.start()

    def _put(self, row: tuple) -> None:
        try:
            self._queue.put_nowait(row)
        except queue.Full:
            self.dropped += 1

    def accepted(self, route: str, inputs: list[dict], outputs: list, seconds: float) -> None:
        """A served request: its validated inputs, the predictions and the model latency."""
        # Serialised by the writer thread, not on the request's path.
        self._put((time.time(), route, 200, seconds * 1000.0, inputs, outputs, None))

    def rejected(self, route: str, fields: list[str], status: int = 422) -> None:
        """A rejected request: which fields were wrong, nothing of what was sent."""
        self._put((time.time(), route, status, None, None, None, json.dumps(fields)))

    def _run(self) -> None:
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA synchronous=NORMAL")
        while True:
            rows = [self._queue.get()]
            deadline = time.monotonic() + self.batch_seconds
            while len(rows) < 500:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    break
                try:
                    rows.append(self._queue.get(timeout=wait))
                except queue.Empty:
                    break
            rows = [(ts, route, status, ms, None if i is None else json.dumps(i, default=str),
                     None if o is None else json.dumps(o, default=str), f) for ts, route, status, ms, i, o, f in rows]
            db.executemany("INSERT INTO requests (ts, route, status, latency_ms, inputs, outputs, rejected_fields) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            db.execute("DELETE FROM requests WHERE id <= (SELECT MAX(id) FROM requests) - ?", (self.max_rows,))
            db.commit()
            for _ in rows:
                self._queue.task_done()

    def flush(self) -> None:
        """Waits until every queued entry is written."""
        self._queue.join()


def read_log(path: Path | str, limit: int = 100_000) -> pd.DataFrame:
    """The newest `limit` log entries (empty frame when there is no log yet)."""
    path = Path(path)
    if not path.is_file():
        return pd.DataFrame(columns=["id", "ts", "route", "status", "latency_ms", "inputs", "outputs", "rejected_fields"])
    with sqlite3.connect(path) as db:
        return pd.read_sql_query("SELECT * FROM requests ORDER BY id DESC LIMIT ?", db, params=(limit,))


def logged_inputs(path: Path | str, limit: int = 100_000) -> pd.DataFrame:
    """The raw input records of served requests, one row per record."""
    log = read_log(path, limit)
    records = [r for text in log.loc[log["status"] == 200, "inputs"].dropna() for r in json.loads(text)]
    return pd.DataFrame.from_records(records)
