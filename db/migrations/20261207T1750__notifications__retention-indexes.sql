-- Clean-up of notifications (docs/notifications.md, "Clean-up"): the daily job deletes notifications and told
-- keys by age. These indexes let it find the old rows without reading every row of every person.
CREATE INDEX notifications_created_idx ON notifications (created_at);
CREATE INDEX notified_items_notified_at_idx ON notified_items (notified_at);
CREATE INDEX notification_digests_sent_at_idx ON notification_digests (sent_at);
