-- How long choosing the party took for this assignment, in microseconds (target P6: p99 <= 5 ms); kept per
-- assignment so operations and the dispatch benchmark can read percentiles with SQL.
ALTER TABLE assignment ADD COLUMN decision_us INTEGER;
