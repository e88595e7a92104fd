#!/usr/bin/env bash
# Loads a disclex SQLite database (disclex --db) into PostgreSQL, in one
# transaction: the disclex tables and views of the target database are
# dropped, the SQLite schema is created as it is (its SQL is standard; REAL
# becomes DOUBLE PRECISION), every table is copied (COPY, CSV, NULL as \N)
# parents first, and a view value_facts_numeric adds `amount`, the exact
# decimal as NUMERIC.
#
# Usage: scripts/pg_load.sh DB.sqlite [psql options, e.g. -h HOST -p PORT -U USER DBNAME]
set -euo pipefail
db=${1:?usage: pg_load.sh DB.sqlite [psql options]}
shift
[ -f "$db" ] || { echo "pg_load: no database '$db'" >&2; exit 2; }
tables="documents tables columns rows row_values checks warnings failures"
{
	echo "\\set ON_ERROR_STOP 1"
	echo "SET client_min_messages = warning;"
	echo "BEGIN;"
	echo "DROP VIEW IF EXISTS value_facts_numeric, value_facts;"
	for t in $tables; do echo "DROP TABLE IF EXISTS $t CASCADE;"; done
	sqlite3 "$db" .schema | sed -e 's/\bREAL\b/DOUBLE PRECISION/g'
	for t in $tables; do
		echo "COPY $t FROM STDIN WITH (FORMAT csv, NULL '\\N');"
		sqlite3 -csv -nullvalue '\N' "$db" "SELECT * FROM $t"
		echo '\.'
	done
	echo "CREATE VIEW value_facts_numeric AS"
	echo "  SELECT *, CASE WHEN value_kind = 'number' THEN value::numeric END AS amount FROM value_facts;"
	echo "COMMIT;"
} | psql -q -X "$@" >/dev/null
