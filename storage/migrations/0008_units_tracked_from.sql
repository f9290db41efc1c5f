-- The day from which a unit's periodic reports are tracked: periods due before it are not late,
-- not reminded and not shown red. NULL means the day the unit was created (local time).
ALTER TABLE units ADD COLUMN reports_from TEXT;
