#!/usr/bin/env python3
"""usage: copy_rest.py SOURCE KEYED

Copies into KEYED (made by keyed.sql) every table of SOURCE that keyed.sql did not rewrite, as it is: its definition,
its rows, its indexes and triggers. The keyed file then holds the whole database, and its size compares with SOURCE's."""
import sqlite3
import sys


def main(source, keyed):
    db = sqlite3.connect(keyed, isolation_level=None)
    db.execute("ATTACH ? AS s", (source,))
    rewritten = {name for (name,) in db.execute("SELECT name FROM main.sqlite_schema WHERE type = 'table'")}
    definitions = db.execute(
        "SELECT type, name, tbl_name, sql FROM s.sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid").fetchall()
    db.execute("BEGIN")
    for kind, name, table, sql in definitions:
        if table in rewritten:
            continue
        try:
            db.execute(sql)
        except sqlite3.OperationalError as error:  # the tables a virtual table made for itself
            if "already exists" not in str(error):
                raise
            continue
        if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):
            db.execute(f'INSERT INTO main."{name}" SELECT * FROM s."{name}"')
    db.execute("COMMIT")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
