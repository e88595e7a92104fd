-- One department's values in two years side by side, joined by schema, row
-- code and column key, with the exact change (NUMERIC, no rounding).
-- psql -v dept=示例局 -v y1=2024 -v y2=2025 -f scripts/pg_two_years.sql
SELECT a.schema, a.row_code, a.row_label, a.column_key,
       a.amount AS amount_1, b.amount AS amount_2, b.amount - a.amount AS change
FROM value_facts_numeric a
JOIN value_facts_numeric b
  ON b.department = a.department AND b.schema = a.schema
 AND b.row_code = a.row_code AND b.column_key = a.column_key
WHERE a.department = :'dept' AND a.year = :y1 AND b.year = :y2
  AND a.amount IS NOT NULL AND b.amount IS NOT NULL
ORDER BY a.schema, a.row_code, a.column_key;
