-- The organizer's decisions about an event's lists (issue #5, DOMAIN.md
-- "Lists the organizer may publish or hand over"): the external
-- participant list (name, club, exercises) is made only when the organizer
-- allows it. Set here by the organizer; connected desks follow it. Who
-- changed it last (an account id) and when.
ALTER TABLE events ADD COLUMN allow_external_list boolean NOT NULL DEFAULT false;
ALTER TABLE events ADD COLUMN settings_changed_by text NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN settings_changed_at text NOT NULL DEFAULT '';
