import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';
import { startOfRateLimitWindow } from '../../../../test/support/rate-limit-window.js';
import { NEWSLETTER_CLEANUP_JOB } from '../index.js';
import { SUBSCRIBES_PER_ADDRESS_PER_MINUTE, SUBSCRIBES_PER_IP_PER_MINUTE } from './newsletter.routes.js';

/**
 * The residents' newsletter end to end through a real SMTP server on localhost (npm smtp-server): double
 * opt-in, one-click unsubscribe, the draft from the demo data, an idempotent send, and the public archive.
 * Every mail is read back as it arrived.
 */
interface Received {
  to: string[];
  raw: string;
  text: string;
  header: (name: string) => string;
}
const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
let t: TestApp;
let manager: TestSession;
const BASE = 'https://wijkregie.example.org';
const AREA = 'FAdordt-west';

function parse(raw: string): Omit<Received, 'to'> {
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
  return { raw, text: text.replace(/\r\n/g, '\n'), header };
}

async function startSmtp(port: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parse(Buffer.concat(chunks).toString('latin1')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
const stopSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));
/** The token from the last confirmation link mailed to `address`. */
function confirmTokenOf(address: string): string {
  const mail = mailsTo(address).at(-1);
  const token = /\/bewoners\/nieuwsbrief\/bevestigen\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no confirmation link mailed to ${address}`);
  return token;
}
let ipCounter = 0;
/** Each call from its own address, so the per-IP limit only bites where a test wants it to. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const subscribeAs = (payload: object, ip = freshIp()) => t.app.inject({ method: 'POST', url: '/api/v1/public/newsletter/subscriptions', payload, remoteAddress: ip });
const confirmWith = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/newsletter/confirmations', payload: { token }, remoteAddress: freshIp() });
async function subscribeConfirmed(email: string): Promise<void> {
  expect((await subscribeAs({ email, areas: [AREA] })).statusCode).toBe(202);
  expect((await confirmWith(confirmTokenOf(email))).statusCode).toBe(200);
}
const send = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/newsletters', headers: manager.headers, payload });
const subscriberCount = async () => countRows(t.database, 'newsletter_subscribers');

beforeAll(async () => {
  smtp = await startSmtp(0);
  smtpPort = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp(
    { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: 'Wijkregie <wijkregie@example.org>', PUBLIC_URL: BASE },
    { demoData: ['indicators', 'areas', 'programmes', 'meetings', 'signals', 'newsletter'] },
  );
  manager = await t.login('regisseur');
}, 300_000);
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('subscribing (double opt-in)', () => {
  it('offers the areas a programme covers, by name, to anyone', async () => {
    const response = await t.app.inject({ url: '/api/v1/public/newsletter/areas' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([{ code: AREA, name: 'Dordt West' }]);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('mails a confirmation link; the address gets no newsletter until it is followed, and the link works once', async () => {
    const response = await subscribeAs({ email: ' Bewoner.Een@Example.org ', areas: [AREA] });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'check_your_mail' });
    const mails = mailsTo('bewoner.een@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Je hebt je aangemeld voor de nieuwsbrief over: Dordt West.');
    expect(mails[0]?.text).toContain(`${BASE}/bewoners/nieuwsbrief/bevestigen/`);
    // Only the hash of the token is stored.
    const token = confirmTokenOf('bewoner.een@example.org');
    const stored = await sql<{ h: string }>`SELECT confirm_token_hash AS h FROM newsletter_subscribers WHERE email = 'bewoner.een@example.org'`.execute(t.database.db);
    expect(stored.rows[0]?.h).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.h).not.toContain(token);

    // Unconfirmed: a newsletter sent now does not reach it.
    const before = received.length;
    const unconfirmedSend = await send({ id: randomUUID(), areaCode: AREA, title: 'Nieuwsbrief vooraf', body: 'Nog niemand bevestigd.' });
    expect(unconfirmedSend.statusCode, unconfirmedSend.body).toBe(200);
    expect(unconfirmedSend.json()).toMatchObject({ status: 'sent', recipientCount: 0 });
    expect(received.length).toBe(before);

    const confirmed = await confirmWith(token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ areas: [{ code: AREA, name: 'Dordt West' }] });
    const again = await confirmWith(token);
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().type).toBe('urn:wijkregie:problem:newsletter.link_unknown');
  });

  it('refuses an expired link, and the retention job deletes the address after the expiry', async () => {
    await subscribeAs({ email: 'te-laat@example.org', areas: [AREA] });
    const token = confirmTokenOf('te-laat@example.org');
    t.clock.advanceMinutes(48 * 60 + 1);
    try {
      const expired = await confirmWith(token);
      expect(expired.statusCode).toBe(410);
      expect(expired.json().type).toBe('urn:wijkregie:problem:newsletter.link_expired');
      const waiting = await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'te-laat@example.org' AND confirmed_at IS NULL`.execute(t.database.db);
      expect(waiting.rows[0]?.n).toBe(1);
      const before = await subscriberCount();
      await NEWSLETTER_CLEANUP_JOB.run({ db: t.database.db, config: t.config, now: t.clock.now });
      expect(await subscriberCount()).toBe(before - 1);
      const gone = await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'te-laat@example.org'`.execute(t.database.db);
      expect(gone.rows[0]?.n).toBe(0);
      // The confirmed address of the test before stays.
      const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'bewoner.een@example.org'`.execute(t.database.db);
      expect(kept.rows[0]?.n).toBe(1);
    } finally {
      t.clock.advanceMinutes(-(48 * 60 + 1));
    }
  });

  it('answers the same for an address already confirmed, and sends it nothing new', async () => {
    const before = mailsTo('bewoner.een@example.org').length;
    const rowBefore = await sql`SELECT * FROM newsletter_subscribers WHERE email = 'bewoner.een@example.org'`.execute(t.database.db);
    const known = await subscribeAs({ email: 'bewoner.een@example.org', areas: [AREA] });
    const fresh = await subscribeAs({ email: 'nieuw@example.org', areas: [AREA] });
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.body).toBe(fresh.body);
    expect(mailsTo('bewoner.een@example.org')).toHaveLength(before);
    expect((await sql`SELECT * FROM newsletter_subscribers WHERE email = 'bewoner.een@example.org'`.execute(t.database.db)).rows).toEqual(rowBefore.rows);
  });

  it('takes two subscriptions of one new address at the same moment as one', async () => {
    const [a, b] = await Promise.all([subscribeAs({ email: 'tegelijk@example.org', areas: [AREA] }), subscribeAs({ email: 'tegelijk@example.org', areas: [AREA] })]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.body).toBe(b.body);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'tegelijk@example.org'`.execute(t.database.db);
    expect(rows.rows[0]?.n).toBe(1);
    expect(mailsTo('tegelijk@example.org').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with a 4xx problem and stores and mails nothing', async () => {
    const rows = await subscriberCount();
    const mails = received.length;
    const cases: Array<{ payload: unknown; status: number }> = [
      { payload: { email: 'geen-adres', areas: [AREA] }, status: 422 },
      { payload: { email: '', areas: [AREA] }, status: 422 },
      { payload: { email: `${'a'.repeat(250)}@example.org`, areas: [AREA] }, status: 422 },
      { payload: { email: 'x@example.org', areas: [] }, status: 422 },
      { payload: { email: 'x@example.org' }, status: 422 },
      { payload: { email: 'x@example.org', areas: ['BU05050300'] }, status: 422 },
      { payload: { email: 'x@example.org', areas: ['WK999999'] }, status: 422 },
      { payload: { email: 'x@example.org', areas: [AREA], extra: 1 }, status: 422 },
    ];
    for (const { payload, status } of cases) {
      const response = await subscribeAs(payload as object);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await confirmWith('kort')).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/public/newsletter/unsubscribe/niet-goed', remoteAddress: freshIp() })).statusCode).toBe(422);
    expect(await subscriberCount()).toBe(rows);
    expect(received.length).toBe(mails);
  });

  it('limits subscriptions per IP address and per e-mail address (429), without storing more', async () => {
    await startOfRateLimitWindow();
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i <= SUBSCRIBES_PER_IP_PER_MINUTE; i += 1) statuses.push((await subscribeAs({ email: `ip-${i}@example.org`, areas: [AREA] }, ip)).statusCode);
    expect(statuses).toEqual([...Array<number>(SUBSCRIBES_PER_IP_PER_MINUTE).fill(202), 429]);
    expect(mailsTo(`ip-${SUBSCRIBES_PER_IP_PER_MINUTE}@example.org`)).toHaveLength(0);

    await startOfRateLimitWindow();
    const answers = [];
    for (let i = 0; i <= SUBSCRIBES_PER_ADDRESS_PER_MINUTE; i += 1) answers.push(await subscribeAs({ email: 'vaak@example.org', areas: [AREA] }));
    expect(answers.map((a) => a.statusCode)).toEqual([...Array<number>(SUBSCRIBES_PER_ADDRESS_PER_MINUTE).fill(202), 429]);
    expect(answers.at(-1)?.json().type).toBe('urn:wijkregie:problem:newsletter.too_many');
    expect(mailsTo('vaak@example.org')).toHaveLength(SUBSCRIBES_PER_ADDRESS_PER_MINUTE);
  });
});

describe('the draft', () => {
  it('is drawn from the programme and the figures, and holds no meeting decision, signal or progress note', async () => {
    const response = await t.app.inject({ url: `/api/v1/newsletter-drafts/${AREA}`, headers: manager.headers });
    expect(response.statusCode, response.body).toBe(200);
    const draft = response.json();
    expect(draft).toMatchObject({ areaCode: AREA, areaName: 'Dordt West' });
    expect(draft.body).toContain('Wat er is gebeurd');
    expect(draft.body).toContain('Wat eraan komt');
    expect(draft.body).toContain('Hoe staan de doelen ervoor');
    // A goal of the demo programme with its status in words.
    expect(draft.body).toMatch(/- Voorbeeld: Dordt West groeit naar 33\.000 inwoners in 2030: (op koers|vraagt aandacht|loopt achter|nog niet gemeten)\./);
    expect(draft.body).toMatch(/Cijfers van Dordt West/);
    // At least one figure of the demo data as an index against the city (100), and never a suppressed one.
    expect(draft.body).toMatch(/De gemeente is 100[^]*\n- [^\n]+: \d+\n/);
    // The figures' year is named under them; each line is that year's profile figure as an index, not suppressed.
    const year = /Bron: CBS, (\d{4})\./.exec(draft.body)?.[1];
    expect(year).toBeDefined();
    const profile = (await t.app.inject({ url: `/api/v1/areas/${AREA}/profile?period=${year}`, headers: manager.headers })).json<{ items: { indicator: string; index: number | null; suppressed: boolean }[] }>();
    const names = new Map((await sql<{ code: string; name: string }>`SELECT code, name FROM indicators`.execute(t.database.db)).rows.map((r) => [r.code, r.name]));
    const figureLines = draft.body.split('\n').filter((line: string) => /^- .+: \d+$/.test(line));
    expect(figureLines.length).toBeGreaterThan(0);
    for (const line of figureLines) {
      const item = profile.items.find((i) => line === `- ${names.get(i.indicator)}: ${Math.round(i.index ?? NaN)}`);
      expect(item, line).toBeDefined();
      expect(item?.suppressed).toBe(false);
    }
    const texts = await sql<{ text: string }>`
      SELECT text FROM meeting_decisions
      UNION SELECT description FROM signals WHERE length(description) > 8
      UNION SELECT address FROM signals WHERE address IS NOT NULL
      UNION SELECT pseudonym FROM signal_subjects
      UNION SELECT narrative FROM activity_progress_updates WHERE length(narrative) > 8
      UNION SELECT display_name FROM users`.execute(t.database.db);
    expect(texts.rows.length).toBeGreaterThan(10);
    const payload = JSON.stringify(draft);
    for (const { text } of texts.rows) expect(payload.includes(text), text).toBe(false);
  });

  it('is the programme manager\'s: others are refused, an area without a programme is 404', async () => {
    const analyst = await t.login('analist');
    expect((await t.app.inject({ url: `/api/v1/newsletter-drafts/${AREA}`, headers: analyst.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/newsletter-drafts/${AREA}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/newsletter-drafts/WK050599', headers: manager.headers })).statusCode).toBe(404);
  });
});

describe('sending and unsubscribing', () => {
  it('mails each confirmed subscriber once, alone, with the one-click headers; a retry sends nothing again', async () => {
    await subscribeConfirmed('bewoner.twee@example.org');
    await subscribeConfirmed('bewoner.drie@example.org');
    const confirmed = ['bewoner.een@example.org', 'bewoner.twee@example.org', 'bewoner.drie@example.org'];
    const id = randomUUID();
    const payload = { id, areaCode: AREA, title: 'Nieuwsbrief Dordt West, test', body: 'Wat er is gebeurd\n\n- Het speelveld is open.' };
    const before = received.length;
    const first = await send(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id, status: 'sent', recipientCount: 3 });
    const mails = received.slice(before);
    expect(mails).toHaveLength(3);
    expect(mails.map((m) => m.to).flat().sort()).toEqual([...confirmed].sort());
    for (const mail of mails) {
      const own = mail.to[0] ?? '';
      expect(mail.header('Subject')).toBe('Nieuwsbrief Dordt West, test');
      expect(mail.header('List-Unsubscribe')).toMatch(new RegExp(`^<${BASE}/api/v1/public/newsletter/unsubscribe/[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}>$`));
      expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toContain('- Het speelveld is open.');
      expect(mail.text).toContain(`${BASE}/bewoners/nieuwsbrief/afmelden/`);
      // No other subscriber's address anywhere in the mail, headers included.
      for (const other of confirmed.filter((a) => a !== own)) expect(mail.raw.includes(other)).toBe(false);
      expect(mail.header('Cc')).toBe('');
    }
    // The same request again: the same answer, no mail.
    const retry = await send(payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(received.length).toBe(before + 3);
    // A different text under the same id is refused.
    expect((await send({ ...payload, body: 'Anders.' })).statusCode).toBe(409);
    // Who received it is not kept; how many is.
    expect(await countRows(t.database, 'newsletter_deliveries')).toBe(0);
    const audit = await sql<{ action: string; detail: unknown }>`SELECT action, detail FROM audit_log WHERE subject_id = ${id} ORDER BY id`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['newsletter.send', 'newsletter.sent']);
    expect(JSON.stringify(audit.rows)).not.toContain('@example.org');
  });

  it('resumes a send that failed halfway without mailing anyone twice', async () => {
    const id = randomUUID();
    const payload = { id, areaCode: AREA, title: 'Nieuwsbrief, hervat', body: 'Tekst.' };
    await stopSmtp();
    const failed = await send(payload);
    expect(failed.statusCode).toBe(502);
    expect(failed.json().type).toBe('urn:wijkregie:problem:newsletter.send_incomplete');
    // Not public while it is being sent.
    expect((await t.app.inject({ url: `/api/v1/public/newsletters/${id}` })).statusCode).toBe(404);
    // One of three already delivered before the failure: mark it so, as a send stopped halfway leaves it.
    await sql`UPDATE newsletter_deliveries SET sent_at = now() WHERE newsletter_id = ${id} AND subscriber_id = (SELECT id FROM newsletter_subscribers WHERE email = 'bewoner.een@example.org')`.execute(t.database.db);
    smtp = await startSmtp(smtpPort);
    const before = received.length;
    const resumed = await send(payload);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: 'sent', recipientCount: 3 });
    const mails = received.slice(before);
    expect(mails.map((m) => m.to).flat().sort()).toEqual(['bewoner.drie@example.org', 'bewoner.twee@example.org']);
  }, 60_000);

  it('unsubscribes with one POST to the List-Unsubscribe address and deletes the address', async () => {
    const mail = mailsTo('bewoner.twee@example.org').at(-1);
    const url = /^<(.*)>$/.exec(mail?.header('List-Unsubscribe') ?? '')?.[1] ?? '';
    const path = url.replace(BASE, '');
    // Opened in a browser instead (GET): sent on to the page with the button, and nothing changes.
    const opened = await t.app.inject({ method: 'GET', url: path });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(path.replace('/api/v1/public/newsletter/unsubscribe/', '/bewoners/nieuwsbrief/afmelden/'));
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'bewoner.twee@example.org'`.execute(t.database.db)).rows[0]?.n).toBe(1);
    const response = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click', remoteAddress: freshIp() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ status: 'unsubscribed' });
    expect(response.headers['set-cookie']).toBeUndefined();
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM newsletter_subscribers WHERE email = 'bewoner.twee@example.org'`.execute(t.database.db);
    expect(rows.rows[0]?.n).toBe(0);
    // Again: the address is gone, the link with it.
    expect((await t.app.inject({ method: 'POST', url: path, remoteAddress: freshIp() })).statusCode).toBe(404);
    // A forged token (another id, a made-up MAC) unsubscribes nobody.
    const forged = path.replace(/\/[0-9a-f-]{36}\./, `/${randomUUID()}.`);
    expect((await t.app.inject({ method: 'POST', url: forged, remoteAddress: freshIp() })).statusCode).toBe(404);
    // The next newsletter goes to the two left.
    const before = received.length;
    const next = await send({ id: randomUUID(), areaCode: AREA, title: 'Na afmelden', body: 'Tekst.' });
    expect(next.json()).toMatchObject({ recipientCount: 2 });
    expect(received.slice(before).map((m) => m.to).flat().sort()).toEqual(['bewoner.drie@example.org', 'bewoner.een@example.org']);
  });

  it('refuses bad sends with 4xx and stores nothing', async () => {
    const rows = await countRows(t.database, 'newsletters');
    for (const payload of [
      { id: randomUUID(), areaCode: AREA, title: '  ', body: 'x' },
      { id: randomUUID(), areaCode: AREA, title: 'x', body: '' },
      { id: 'geen-id', areaCode: AREA, title: 'x', body: 'x' },
      { id: randomUUID(), areaCode: AREA, title: 'x', body: 'x'.repeat(20001) },
    ]) {
      expect((await send(payload)).statusCode).toBe(422);
    }
    expect((await send({ id: randomUUID(), areaCode: 'WK050599', title: 'x', body: 'x' })).statusCode).toBe(404);
    const partner = await t.login('politie');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/newsletters', headers: partner.headers, payload: { id: randomUUID(), areaCode: AREA, title: 'x', body: 'x' } })).statusCode).toBe(403);
    expect(await countRows(t.database, 'newsletters')).toBe(rows);
  });
});

describe('the public archive', () => {
  it('lists the sent newsletters of the area with the demo one, and shows one without a session', async () => {
    const list = await t.app.inject({ url: `/api/v1/public/newsletters/areas/${AREA}` });
    expect(list.statusCode).toBe(200);
    expect(list.headers['set-cookie']).toBeUndefined();
    const archive = list.json();
    expect(archive.area).toEqual({ code: AREA, name: 'Dordt West' });
    const titles = archive.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('Nieuwsbrief Dordt West, test');
    expect(titles.some((title: string) => title.endsWith('(demo)'))).toBe(true);
    expect(archive.items[0]).not.toHaveProperty('body');
    expect(JSON.stringify(archive)).not.toContain('recipient');
    const demo = archive.items.find((i: { isDemo: boolean }) => i.isDemo);
    const one = (await t.app.inject({ url: `/api/v1/public/newsletters/${demo.id}` })).json();
    expect(one.body).toContain('automatisch gemaakt uit de demogegevens');
    expect(one.body).toContain('Hoe staan de doelen ervoor');
    expect((await t.app.inject({ url: `/api/v1/public/newsletters/${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/newsletters/areas/WK050599' })).statusCode).toBe(404);
  });
});
