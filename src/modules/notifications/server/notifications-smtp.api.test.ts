import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockToInstant } from '../../../platform/shared/time.js';
import { createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { DIGEST_JOB, NOTIFY_JOB } from '../index.js';

/**
 * Notification mail through a real SMTP server on localhost (the npm package smtp-server, on a free port),
 * read back as it arrived: sent at once or in the daily digest as each person chose, each about the right
 * thing with a link to it, once; and never carrying anything of the signals module (descriptions, addresses,
 * pseudonyms of the demo signals), whatever the mail is about.
 */

interface Received {
  to: string;
  raw: string;
  subject: string;
  text: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let t: TestApp;
const s: Record<string, TestSession> = {};
const BASE = 'https://wijkregie.example.org';

/** The body of a single-part text mail, decoded from quoted-printable or base64. */
function bodyOf(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let text = body;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { subject: header('Subject'), text: text.replace(/\r\n/g, '\n') };
}

/** A real SMTP server on localhost (plain, no login) that keeps every message it accepts in `received`. */
async function startSmtp(port: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, raw, ...bodyOf(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const mailsTo = (address: string) => received.filter((m) => m.to === address);
const runNotify = (now = new Date()) => NOTIFY_JOB.run({ db: t.database.db, config: t.config, now: () => now });
const runDigest = (now: Date) => DIGEST_JOB.run({ db: t.database.db, config: t.config, now: () => now });
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const ADDRESSES: Record<string, string> = { financien: 'controller@example.org', regisseur: 'regisseur@example.org', corporatie: 'wijkconsulent@example.org', politie: 'wijkagent@example.org' };

beforeAll(async () => {
  smtp = await startSmtp(0);
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Wijkregie <wijkregie@example.org>', PUBLIC_URL: BASE }, { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'finance', 'signals'] });
  const admin = await t.login('beheerder');
  for (const user of ['regisseur', 'financien', 'corporatie', 'politie', 'zorg']) {
    s[user] = await t.login(user);
    const address = ADDRESSES[user];
    if (!address) continue;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${s[user]?.userId}`, headers: admin.headers, payload: { email: address } });
    expect(patch.statusCode, patch.body).toBe(200);
  }
}, 300_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function choose(user: string, settings: Record<string, string>): Promise<void> {
  const response = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notification-settings', headers: s[user]?.headers, payload: { settings } });
  expect(response.statusCode, response.body).toBe(200);
}

describe('notification mail', () => {
  it('offers e-mail when the server has an SMTP server and the account an address', async () => {
    const response = await t.app.inject({ url: '/api/v1/me/notification-settings', headers: s.financien?.headers });
    expect(response.json()).toMatchObject({ emailAvailable: true, hasEmailAddress: true });
    // The youth worker has no address: e-mail is refused with a field error.
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notification-settings', headers: s.zorg?.headers, payload: { settings: { action: 'email_now', approval: 'in_app', escalation: 'in_app', deadline: 'in_app' } } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ type: 'urn:wijkregie:problem:notifications.no_email_address', errors: [{ path: 'settings.action' }] });
  });

  it('mails at once whoever chose it, about the thing with a link, once; the others get nothing by mail', async () => {
    const everything = { action: 'email_now', approval: 'email_now', escalation: 'email_now', deadline: 'email_now' };
    await choose('financien', everything);
    await choose('corporatie', everything);
    // The police keep the default: in the app only.
    await runNotify();

    const finance = mailsTo(ADDRESSES.financien ?? '');
    expect(finance).toHaveLength(1);
    expect(finance[0]?.subject).toBe('Wijkregie: 1 nieuwe melding');
    expect(finance[0]?.text).toContain('- Wacht op jouw goedkeuring: Opdracht bewonersbegeleiding tweede fase (demo)\n  https://wijkregie.example.org/financien/accordering');
    expect(finance[0]?.raw).toMatch(/^From: Wijkregie <wijkregie@example\.org>/m);
    const corporation = mailsTo(ADDRESSES.corporatie ?? '');
    expect(corporation).toHaveLength(1);
    expect(corporation[0]?.text).toMatch(/- Deadline: Adressenlijst met signalen aanleveren aan politie en gemeente\n {2}https:\/\/wijkregie\.example\.org\/overleggen\/[0-9a-f-]{36}\n/);
    expect(mailsTo(ADDRESSES.politie ?? '')).toHaveLength(0);

    await runNotify();
    expect(received).toHaveLength(2);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'notification.email'`.execute(t.database.db);
    expect(rows[0]?.n).toBe(2);
  });

  it('puts what waits for the digest in one mail a day, from 07:00 Dutch time', async () => {
    await choose('regisseur', { action: 'daily_digest', approval: 'daily_digest', escalation: 'daily_digest', deadline: 'in_app' });
    // The controller books two invoices above the threshold: both wait for the programme manager.
    const pending = await t.app.inject({ url: '/api/v1/finance-entries/pending', headers: s.financien?.headers });
    const lineId = pending.json<{ items: { budgetLineId: string }[] }>().items[0]?.budgetLineId;
    for (const [n, description] of ['Factuur procesbegeleiding januari', 'Factuur procesbegeleiding februari'].entries()) {
      const booking = await t.app.inject({ method: 'POST', url: '/api/v1/finance-entries', headers: s.financien?.headers, payload: { budgetLineId: lineId, kind: 'spend', amountCents: 1_200_000, bookedOn: today(), description, documentRef: `TEST-DIGEST-${n}` } });
      expect(booking.statusCode, booking.body).toBe(201);
    }
    await runNotify();
    expect(mailsTo(ADDRESSES.regisseur ?? '')).toHaveLength(0);

    await runDigest(new Date(wallClockToInstant(`${today()}T06:30`) ?? ''));
    expect(mailsTo(ADDRESSES.regisseur ?? '')).toHaveLength(0);
    const eight = new Date(wallClockToInstant(`${today()}T08:00`) ?? '');
    await runDigest(eight);
    const digest = mailsTo(ADDRESSES.regisseur ?? '');
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toBe('Wijkregie: je 2 meldingen van vandaag');
    expect(digest[0]?.text).toContain('- Wacht op jouw goedkeuring: Factuur procesbegeleiding januari\n  https://wijkregie.example.org/financien/accordering');
    expect(digest[0]?.text).toContain('- Wacht op jouw goedkeuring: Factuur procesbegeleiding februari');
    await runDigest(new Date(eight.getTime() + 3_600_000));
    expect(mailsTo(ADDRESSES.regisseur ?? '')).toHaveLength(1);
  });

  it('mails about an escalation and a new action too, and no mail ever carries anything of the signals', async () => {
    await choose('politie', { action: 'email_now', approval: 'in_app', escalation: 'email_now', deadline: 'in_app' });
    const organisations = (await t.app.inject({ url: '/api/v1/organisations', headers: s.regisseur?.headers })).json<{ items: { id: string }[] }>().items;
    const meeting = await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: s.regisseur?.headers, payload: { kind: 'wijkoverleg', title: 'Wijkoverleg Crabbehof (mail)', heldOn: today(), municipality: 'GM0505', participantOrganisationIds: organisations.map((o) => o.id) } });
    const meetingId = meeting.json<{ id: string }>().id;
    const action = await t.app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/actions`, headers: s.regisseur?.headers, payload: { title: 'Buurtschouw Crabbehof voorbereiden', ownerUserId: s.politie?.userId, dueDate: '2027-02-01' } });
    expect(action.statusCode, action.body).toBe(201);
    const actionId = action.json<{ id: string }>().id;
    const escalation = await t.app.inject({ method: 'POST', url: '/api/v1/escalations', headers: s.regisseur?.headers, payload: { subject: { kind: 'action', id: actionId }, reason: 'Nodig voor de begroting van volgend jaar' } });
    expect(escalation.statusCode, escalation.body).toBe(201);
    await runNotify();
    const police = mailsTo(ADDRESSES.politie ?? '');
    expect(police).toHaveLength(1);
    expect(police[0]?.text).toContain(`- Escalatie: Buurtschouw Crabbehof voorbereiden\n  ${BASE}/overleggen/${meetingId}`);

    // Every mail is greeting, intro, one kind-and-title line and one link per item, and the settings link: nothing else.
    const allowed = /^(Hallo,|Hello,|Er staat iets nieuws op je werklijst in Wijkregie:|Dit kwam er sinds de vorige samenvatting bij op je werklijst in Wijkregie:|Je kiest zelf waarover en hoe je meldingen krijgt:|https:\/\/wijkregie\.example\.org\/meldingen|- (Nieuwe actie voor jou|Wacht op jouw goedkeuring|Escalatie|Deadline): .+| {2}https:\/\/wijkregie\.example\.org\/[^\s]+|)$/;
    expect(received.length).toBeGreaterThanOrEqual(4);
    for (const mail of received) for (const line of mail.text.split('\n')) expect(line, mail.subject).toMatch(allowed);

    // And none of the demo signals' descriptions, addresses or pseudonyms, nor their categories' names.
    const signals = await sql<{ text: string }>`
      SELECT description AS text FROM signals WHERE length(description) > 8
      UNION SELECT address FROM signals WHERE address IS NOT NULL
      UNION SELECT pseudonym FROM signal_subjects
      UNION SELECT name_nl FROM signal_categories`.execute(t.database.db);
    expect(signals.rows.length).toBeGreaterThan(10);
    for (const mail of received) for (const { text } of signals.rows) expect(mail.raw.includes(text), `${mail.subject}: ${text}`).toBe(false);
  });

  it('keeps mail that could not be sent and sends it at the next run', async () => {
    await choose('financien', { action: 'email_now', approval: 'email_now', escalation: 'email_now', deadline: 'email_now' });
    const before = mailsTo(ADDRESSES.financien ?? '').length;
    const port = (smtp.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    // The programme manager books: it waits for the controller.
    const pending = await t.app.inject({ url: '/api/v1/finance-entries/pending', headers: s.financien?.headers });
    const lineId = pending.json<{ items: { budgetLineId: string }[] }>().items[0]?.budgetLineId;
    const booking = await t.app.inject({ method: 'POST', url: '/api/v1/finance-entries', headers: s.regisseur?.headers, payload: { budgetLineId: lineId, kind: 'commitment', amountCents: 1_100_000, bookedOn: today(), description: 'Opdracht buurtschouw', documentRef: 'TEST-RETRY-1' } });
    expect(booking.statusCode, booking.body).toBe(201);
    await expect(runNotify()).rejects.toThrow(/could not be sent/);
    // In the app it is there already.
    const inbox = (await t.app.inject({ url: '/api/v1/me/notifications', headers: s.financien?.headers })).json<{ items: { title: string }[] }>();
    expect(inbox.items.map((i) => i.title)).toContain('Opdracht buurtschouw');

    smtp = await startSmtp(port);
    await runNotify();
    const finance = mailsTo(ADDRESSES.financien ?? '');
    expect(finance).toHaveLength(before + 1);
    expect(finance.at(-1)?.text).toContain('- Wacht op jouw goedkeuring: Opdracht buurtschouw');
  }, 60_000);
});
