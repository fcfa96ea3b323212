-- The newsletter per area for residents (docs/newsletter.md). An e-mail address is personal data: it is
-- kept only to send this newsletter, and deleted when the resident unsubscribes or never confirms.
-- Area codes are text without foreign keys: areas belong to the areas module (as in programmes).

CREATE TABLE newsletter_subscribers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Lower-cased, so one address is one subscriber whatever the casing typed.
  email               text NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),
  -- Null until the resident followed the confirmation link: an unconfirmed address receives nothing.
  confirmed_at        timestamptz,
  -- Only the SHA-256 of the link's token is stored; null once confirmed.
  confirm_token_hash  text UNIQUE,
  confirm_expires_at  timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((confirmed_at IS NULL) = (confirm_token_hash IS NOT NULL))
);
CREATE INDEX newsletter_subscribers_unconfirmed_idx ON newsletter_subscribers (confirm_expires_at) WHERE confirmed_at IS NULL;

CREATE TABLE newsletter_subscriptions (
  subscriber_id uuid NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
  area_code     text NOT NULL,
  PRIMARY KEY (subscriber_id, area_code)
);
CREATE INDEX newsletter_subscriptions_area_idx ON newsletter_subscriptions (area_code);

-- A newsletter as sent (or being sent): public once sent. recipient_count says how many received it, not who.
CREATE TABLE newsletters (
  id              uuid PRIMARY KEY,
  area_code       text NOT NULL,
  area_name       text NOT NULL,
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Plain text: a blank line starts a paragraph, lines starting with "- " form a list. Never HTML.
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  status          text NOT NULL CHECK (status IN ('sending', 'sent')),
  recipient_count integer NOT NULL DEFAULT 0 CHECK (recipient_count >= 0),
  is_demo         boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX newsletters_area_sent_idx ON newsletters (area_code, sent_at DESC);

-- Delivery state while a newsletter is being sent, so a retry or a resumed send mails nobody twice. The rows
-- are dropped when the send is done: who received which newsletter is not kept.
CREATE TABLE newsletter_deliveries (
  newsletter_id uuid NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
  subscriber_id uuid NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
  sent_at       timestamptz,
  PRIMARY KEY (newsletter_id, subscriber_id)
);
