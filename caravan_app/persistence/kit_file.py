"""The .ckit file: one SQLite database holding a field kit's manifest, parts and field records.

One file, so it travels on a USB stick or by mail: the journal is a rollback journal that SQLite
deletes after each commit (never WAL, which would leave -wal and -shm files beside it), and every
write is synced (synchronous=FULL). Each field record is one committed transaction, so a crash or a
flat battery loses at most the entry being typed: SQLite rolls a hot journal back on the next open.

Opening verifies the file before anything is shown: SQLite's integrity check (a truncated copy
fails it), the format and the schema version in the manifest, every part's SHA-256 against the
manifest, and the chain of record hashes (each record's hash covers the previous one's, and the head
holds the last hash and the count, so a record edited, inserted or removed outside the program is
found and named; only someone who rewrites the whole chain and its head goes unnoticed).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from caravan_app.domain.kit import FORMAT, RECORD_KINDS, KitManifest, KitRecord, PartInfo, canonical_json
from caravan_app.errors import KitError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

SCHEMA = """
CREATE TABLE manifest (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
CREATE TABLE parts (name TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, sha256 TEXT NOT NULL);
"""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def chain_hash(previous: str, seq: int, record_id: str, kind: str, recorded_at: str, payload: str) -> str:
    """A record's hash: its fields and the previous record's hash (the kit id before the first)."""
    digest = hashlib.sha256()
    for value in (previous, str(seq), record_id, kind, recorded_at, payload):
        digest.update(value.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit mode: each write below opens and commits its own transaction explicitly.
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def write_kit(path: Path, manifest: KitManifest, parts: list[tuple[str, str, bytes]]) -> KitManifest:
    """Write a new kit: the manifest (with each part's size and hash filled in) and the parts.

    The file is built beside its target and renamed over it, so a kit is never seen half-written.
    """
    infos = tuple(PartInfo(name, media, len(data), sha256_hex(data)) for name, media, data in parts)
    manifest = replace(manifest, parts=infos)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        connection = _connect(building)
        try:
            connection.executescript(SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO manifest (id, json) VALUES (1, ?)", (manifest.to_json(),))
            connection.execute("INSERT INTO head (id, count, sha256) VALUES (1, 0, ?)", (manifest.kit_id,))
            connection.executemany(
                "INSERT INTO parts (name, bytes) VALUES (?, ?)", [(name, data) for name, _m, data in parts]
            )
            connection.execute("COMMIT")
        finally:
            connection.close()
        os.replace(building, path)
    finally:
        building.unlink(missing_ok=True)
    return manifest


def unverified_records(path: Path) -> tuple[str, list[str]] | None:
    """The kit id and record ids of whatever kit lies at `path`, read without verifying it (a kit of
    an older schema or a damaged one may still hold a crew's records); None if it holds no kit."""
    try:
        with path.open("rb") as f:
            if not f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                return None
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            manifest = connection.execute("SELECT json FROM manifest WHERE id = 1").fetchone()
            ids = [row[0] for row in connection.execute("SELECT record_id FROM records")]
        finally:
            connection.close()
        return str(json.loads(manifest[0]).get("kit_id", "")) if manifest else "", ids
    except (OSError, sqlite3.Error, ValueError, AttributeError):
        return None


def _damaged(path: Path, detail: str) -> KitError:
    lines = detail.strip().splitlines() or [""]
    detail = lines[0][:120]
    return KitError(f"{path.name} is damaged or truncated ({detail}); ask the office for a new copy")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            header = f.read(HEADER_SIZE)
    except FileNotFoundError:
        raise KitError(f"no kit file {path}") from None
    except OSError as exc:
        raise KitError(f"cannot read {path}: {exc.strerror}") from exc
    if not (header.startswith(SQLITE_MAGIC) or SQLITE_MAGIC.startswith(header)) or not header:
        raise KitError(f"{path.name} is not a field kit (not an SQLite file)")
    if len(header) < HEADER_SIZE:
        raise _damaged(path, f"only {len(header)} bytes")


class KitFile:
    """An open, verified kit file. Not thread-safe: one window or one import uses it at a time."""

    def __init__(self, path: Path, connection: sqlite3.Connection, manifest: KitManifest) -> None:
        self.path = path
        self._connection = connection
        self.manifest = manifest

    @classmethod
    def open(cls, path: Path, schema_version: str) -> KitFile:
        """Open and verify a kit made for the schema `schema_version`; KitError says what is wrong."""
        path = Path(path)
        _check_header(path)
        try:
            connection = _connect(path)
        except sqlite3.Error as exc:
            raise _damaged(path, str(exc)) from exc
        try:
            manifest = _verify(path, connection, schema_version)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, manifest)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> KitFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def part(self, name: str) -> bytes:
        self.manifest.part_info(name)
        row = self._connection.execute(
            "SELECT CAST(bytes AS BLOB) FROM parts WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise KitError(f"the kit has no part {name!r}")
        return bytes(row[0])

    def records(self) -> list[KitRecord]:
        rows = self._connection.execute(
            "SELECT seq, record_id, kind, payload, recorded_at, sha256 FROM records ORDER BY seq"
        ).fetchall()
        return [_record(row) for row in rows]

    def append(self, kind: str, payload: dict[str, Any], recorded_at: datetime | None = None) -> KitRecord:
        """Add one record in its own committed transaction; returns it as stored."""
        if kind not in RECORD_KINDS:
            raise KitError(f"unknown record kind {kind!r}")
        text = canonical_json(payload)
        at = (recorded_at or datetime.now()).isoformat(timespec="seconds")
        record_id = str(uuid.uuid4())
        c = self._connection
        try:
            c.execute("BEGIN IMMEDIATE")
            last = c.execute("SELECT seq, sha256 FROM records ORDER BY seq DESC LIMIT 1").fetchone()
            seq, previous = (last[0] + 1, last[1]) if last else (1, self.manifest.kit_id)
            digest = chain_hash(previous, seq, record_id, kind, at, text)
            c.execute(
                "INSERT INTO records (seq, record_id, kind, payload, recorded_at, sha256)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (seq, record_id, kind, text, at, digest),
            )
            # The head moves with every record, in the same transaction: records cut from the end
            # of the chain are found as well as records changed inside it.
            c.execute("UPDATE head SET count = ?, sha256 = ? WHERE id = 1", (seq, digest))
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise KitError(f"the entry was not saved to {self.path.name}: {exc}") from exc
        return KitRecord(seq, record_id, kind, payload, datetime.fromisoformat(at), digest)


def _record(row: tuple[Any, ...]) -> KitRecord:
    seq, record_id, kind, payload, recorded_at, digest = row
    return KitRecord(
        int(seq), record_id, kind, json.loads(payload), datetime.fromisoformat(recorded_at), digest
    )


def _verify(path: Path, c: sqlite3.Connection, schema_version: str) -> KitManifest:
    try:
        # The first read also rolls back a hot journal left by an entry cut off mid-write.
        problems = [row[0] for row in c.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise _damaged(path, problems[0])
        page_size = c.execute("PRAGMA page_size").fetchone()[0]
        page_count = c.execute("PRAGMA page_count").fetchone()[0]
        if path.stat().st_size < page_size * page_count:
            raise _damaged(path, f"{path.stat().st_size} bytes of {page_size * page_count}")
        tables = {row[0] for row in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"manifest", "parts", "records", "head"} <= tables:
            raise KitError(f"{path.name} is an SQLite file but not a field kit")
        row = c.execute("SELECT json FROM manifest WHERE id = 1").fetchone()
        if row is None:
            raise KitError(f"{path.name} has no manifest")
        manifest = KitManifest.from_json(row[0])
        if manifest.format != FORMAT:
            raise KitError(
                f"{path.name} is a kit of format {manifest.format!r}; this program reads {FORMAT!r}"
            )
        if manifest.schema_version != schema_version:
            raise KitError(
                f"{path.name} was made by schema {manifest.schema_version}, "
                f"this program has {schema_version}; export the kit again from a database of this version"
            )
        _verify_parts(path, c, manifest)
        _verify_chain(path, c, manifest)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    return manifest


def _verify_parts(path: Path, c: sqlite3.Connection, manifest: KitManifest) -> None:
    # CAST: a part rewritten by hand may come back as TEXT, which sqlite3 would try to decode.
    stored = {name: bytes(data) for name, data in c.execute("SELECT name, CAST(bytes AS BLOB) FROM parts")}
    for info in manifest.parts:
        data = stored.pop(info.name, None)
        if data is None:
            raise KitError(f"{path.name} lacks its part {info.name}")
        if len(data) != info.size or sha256_hex(data) != info.sha256:
            raise KitError(f"{path.name}: part {info.name} was changed since export (its checksum fails)")
    if stored:
        raise KitError(f"{path.name} holds parts its manifest does not list: {', '.join(sorted(stored))}")


def _verify_chain(path: Path, c: sqlite3.Connection, manifest: KitManifest) -> None:
    previous = manifest.kit_id
    expected_seq = 1
    for seq, record_id, kind, payload, recorded_at, digest in c.execute(
        "SELECT seq, record_id, kind, payload, recorded_at, sha256 FROM records ORDER BY seq"
    ):
        if seq != expected_seq:
            raise KitError(f"{path.name}: record {expected_seq} is missing (the next is {seq})")
        if chain_hash(previous, seq, record_id, kind, recorded_at, payload) != digest:
            raise KitError(f"{path.name}: record {seq} was changed outside the program (its checksum fails)")
        try:
            json.loads(payload)
            datetime.fromisoformat(recorded_at)
        except ValueError as exc:
            raise KitError(f"{path.name}: record {seq} is not readable ({exc})") from exc
        previous = digest
        expected_seq += 1
    head = c.execute("SELECT count, sha256 FROM head WHERE id = 1").fetchone()
    if head is None or head[0] != expected_seq - 1 or head[1] != previous:
        recorded = head[0] if head is not None else "?"
        raise KitError(
            f"{path.name}: records after {expected_seq - 1} were removed outside the program "
            f"(the kit had {recorded})"
        )
