-- The organizer's retention setting (issue #5, "Retention": the organizer
-- sets when an event's data leaves the desks): days after the event (a
-- connected desk counts them from when the results reached this service).
-- NULL: not set, each desk uses its own default. Set with the event's
-- other settings (PUT /api/events/{eventId}/settings); desks read it with
-- the event, and it wins over a desk's local setting.
ALTER TABLE events ADD COLUMN retention_days integer
  CHECK (retention_days IS NULL OR retention_days BETWEEN 0 AND 365);
