#!/usr/bin/env python3
"""usage: replay.py SOURCE TARGET TRANSACTIONS [TABLE,TABLE…]

Inserts the rows of SOURCE into TARGET, a new database with SOURCE's schema, in TRANSACTIONS transactions: each table's
rows split evenly between them, the events last, with the store's pragmas (WAL, synchronous NORMAL, no foreign-key
checks, 64 MB of cache). The same measurement as `autopilot bench ingest`'s "same rows inserted raw" (RawRowsReplay),
done with INSERT … SELECT. Prints the events per second and the bytes per event of TARGET."""
import os
import sqlite3
import sys
import time


def main(source, target, transactions, only):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    definitions = [row[0] for row in sqlite3.connect(source).execute(
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid")]
    db = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = OFF", "cache_size = -65536"):
        db.execute("PRAGMA " + pragma)
    for sql in definitions:
        try:
            db.execute(sql)
        except sqlite3.OperationalError as error:  # the tables a virtual table made for itself
            if "already exists" not in str(error):
                raise
    db.execute("ATTACH ? AS s", (source,))
    tables = [name for (name,) in db.execute(
        "SELECT name FROM pragma_table_list WHERE schema = 's' AND type = 'table' AND name NOT LIKE 'sqlite_%'")]
    tables = [name for name in tables if (only is None or name in only) and "_fts" not in name and count(db, "s", name) > 0]
    tables.sort(key=lambda name: (name == "events", name))
    ranges = {}
    for name in tables:
        schema = "s"
        if db.execute("SELECT wr FROM pragma_table_list WHERE schema = 's' AND name = ?", (name,)).fetchone()[0]:
            # A table without rowid: copied once into one with rowids, so that each transaction takes a range of them.
            db.execute(f'CREATE TEMP TABLE "{name}" AS SELECT * FROM s."{name}"')
            schema = "temp"
        ranges[name] = (schema, [rowid for (rowid,) in db.execute(f'SELECT rowid FROM {schema}."{name}" ORDER BY rowid')])
    events = count(db, "s", "events")
    started = time.monotonic()
    for part in range(transactions):
        db.execute("BEGIN IMMEDIATE")
        for name in tables:
            schema, rowids = ranges[name]
            first, end = len(rowids) * part // transactions, len(rowids) * (part + 1) // transactions
            if end > first:
                db.execute(
                    f'INSERT INTO main."{name}" SELECT * FROM {schema}."{name}" WHERE rowid BETWEEN ? AND ?',
                    (rowids[first], rowids[end - 1]))
        db.execute("COMMIT")
    elapsed = time.monotonic() - started
    db.close()
    print(f"{os.path.basename(source)} → {', '.join(only) if only else 'every table'}: {events:,} events in {elapsed:.1f} s, "
          f"{events / elapsed:,.0f} events/s; {os.path.getsize(target) / events:.0f} bytes per event")


def count(db, schema, name):
    return db.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",") if len(sys.argv) > 4 else None)
