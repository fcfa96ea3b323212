-- Notifications (docs/notifications.md): a notification is a new item on a person's worklist. The job
-- remembers which worklist items it already told each person of, keeps the in-app notifications, and
-- notes when one was mailed at once or in a daily digest. Per person and kind: how to be told.

CREATE TABLE notification_settings (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('action', 'approval', 'escalation', 'deadline')),
  delivery   text NOT NULL CHECK (delivery IN ('in_app', 'email_now', 'daily_digest', 'off')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- Worklist item keys a person was told of (or that were off for them): each is told once.
CREATE TABLE notified_items (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item_key    text NOT NULL CHECK (length(item_key) BETWEEN 1 AND 300),
  notified_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, item_key)
);

CREATE TABLE notifications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('action', 'approval', 'escalation', 'deadline')),
  item_key      text NOT NULL,
  title         text NOT NULL CHECK (length(title) <= 500),
  href          text NOT NULL CHECK (href ~ '^/[^/]' AND length(href) <= 500),
  created_at    timestamptz NOT NULL,
  read_at       timestamptz,
  -- What mail is owed: 'now' (e-mail at once), 'digest' (the next daily digest) or 'none'.
  email_plan    text NOT NULL CHECK (email_plan IN ('now', 'digest', 'none')),
  emailed_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_mail_due_idx ON notifications (email_plan, user_id) WHERE emailed_at IS NULL AND email_plan <> 'none';

-- One digest per person per Dutch calendar day.
CREATE TABLE notification_digests (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day     date NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, day)
);
