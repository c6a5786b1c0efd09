#!/bin/sh
# usage: measure.sh DEMO.sqlite [TRANSACTIONS]
# Builds the keyed copy of a demo database (keyed.sql), then inserts the rows of each schema, the demo's as it is and the
# keyed one, into an empty copy of it in TRANSACTIONS transactions (default: one per 2,000 events, as the demo imports),
# first every table, then the events alone. Prints events/s and bytes per event for each. Needs sqlite3 and python3.
set -e
source=$1
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
events=$(sqlite3 "$source" "SELECT count(*) FROM events")
transactions=${2:-$(( (events + 1999) / 2000 ))}
sqlite3 "$source" "VACUUM INTO '$work/as-is.sqlite'"
{ echo "ATTACH '$source' AS s;"; cat "$here/keyed.sql"; } | sqlite3 "$work/keyed.sqlite" > /dev/null
python3 "$here/copy_rest.py" "$source" "$work/keyed.sqlite"
for schema in as-is keyed; do
    python3 "$here/replay.py" "$work/$schema.sqlite" "$work/$schema-replayed.sqlite" "$transactions"
    python3 "$here/replay.py" "$work/$schema.sqlite" "$work/$schema-events.sqlite" "$transactions" events
done
