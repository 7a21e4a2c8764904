-- Runs say how they ended (finished, interrupted, stopped (--strict), killed) and which process ran them,
-- so a run killed with no chance to finish its row is marked when the next run starts.
ALTER TABLE runs ADD COLUMN status TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN seconds REAL;
