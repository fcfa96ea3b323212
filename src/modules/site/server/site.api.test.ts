import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestSession } from '../../../../test/support/test-app.js';

/** The footer pages: public reads, the administrator's audited save, refusals that change nothing (docs/site.md). */

let t: TestApp;
let admin: TestSession;
beforeAll(async () => {
  // Accounts only: the pages start unwritten, as in an installation without demo data.
  t = await createTestApp();
  admin = await t.login('beheerder');
});
afterAll(() => t.close());

const read = (slug: string) => t.app.inject({ method: 'GET', url: `/api/v1/site-pages/${slug}` });

describe('site pages', () => {
  it('lists the three pages to a visitor without a session, each unwritten until the administrator writes it', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/site-pages' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual(
      ['privacy', 'accessibility', 'contact'].map((slug) => ({ slug, written: false, title: null, updatedAt: null, isDemo: false })),
    );
    const page = await read('toegankelijkheid');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('application/problem+json');
    expect(page.json().type).toBe('urn:wijkregie:problem:site.page_not_found');
    expect((await read('accessibility')).json()).toEqual({ slug: 'accessibility', written: false, title: null, body: null, updatedAt: null, isDemo: false });
  });

  it('saves the administrator\'s text, shows it to a visitor, and audits slug and lengths without the text', async () => {
    const before = t.clock.now().getTime();
    const body = 'Wij streven naar WCAG 2.1 AA.\n\n- Kaarten staan ook in een tabel\n- <script>alert(1)</script> blijft tekst';
    const saved = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/accessibility', headers: admin.headers, payload: { title: 'Toegankelijkheid', body } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ slug: 'accessibility', written: true, title: 'Toegankelijkheid', body, isDemo: false });
    const visitor = (await read('accessibility')).json();
    expect(visitor.body).toBe(body);
    const updatedAt = new Date(visitor.updatedAt).getTime();
    expect(updatedAt).toBeGreaterThanOrEqual(before);
    expect(updatedAt).toBeLessThanOrEqual(t.clock.now().getTime());
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/site-pages' })).json();
    expect(list.items[1]).toMatchObject({ slug: 'accessibility', written: true, title: 'Toegankelijkheid' });
    expect(list.items[1]).not.toHaveProperty('body');

    const audit = (await t.app.inject({ url: '/api/v1/audit?action=site.page.save', headers: { cookie: admin.cookie } })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorUsername: 'beheerder', subjectType: 'site_page', subjectId: 'accessibility', detail: { slug: 'accessibility', titleLength: 16, bodyLength: body.length } });
    expect(JSON.stringify(audit.items[0])).not.toContain('WCAG');

    // Saving again replaces the text: one row per page.
    const again = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/accessibility', headers: admin.headers, payload: { title: 'Toegankelijkheidsverklaring', body: 'Nieuw.' } });
    expect(again.json()).toMatchObject({ title: 'Toegankelijkheidsverklaring', body: 'Nieuw.' });
    expect(await countRows(t.database, 'site_pages')).toBe(1);
  });

  it('refuses a save by anyone but the administrator (401 without a session, 403 for a programme manager)', async () => {
    const before = (await read('privacy')).json();
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/privacy', payload: { title: 'X', body: 'Y' } });
    expect(anonymous.statusCode).toBe(401);
    const manager = await t.login('regisseur');
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/privacy', headers: manager.headers, payload: { title: 'X', body: 'Y' } });
    expect(refused.statusCode).toBe(403);
    expect((await read('privacy')).json()).toEqual(before);
  });

  it('refuses bad input with 422 at the field and changes nothing', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/contact', headers: admin.headers, payload: { title: 'Contact', body: 'Bel de gemeente.' } });
    const before = (await read('contact')).json();
    const auditBefore = await countRows(t.database, 'audit_log');
    const cases: Array<{ payload: unknown; field: string }> = [
      { payload: { title: '', body: 'tekst' }, field: 'body.title' },
      { payload: { title: '   ', body: 'tekst' }, field: 'body.title' },
      { payload: { title: 'x'.repeat(121), body: 'tekst' }, field: 'body.title' },
      { payload: { title: 'Contact', body: '' }, field: 'body.body' },
      { payload: { title: 'Contact', body: 'x'.repeat(20001) }, field: 'body.body' },
      { payload: { title: 'Contact' }, field: 'body.body' },
      { payload: { title: 'Contact', body: 'tekst', html: '<b>x</b>' }, field: 'body' },
      { payload: { title: 42, body: 'tekst' }, field: 'body.title' },
    ];
    for (const { payload, field } of cases) {
      const response = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/contact', headers: admin.headers, payload: payload as object });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path).some((path: string) => path.startsWith(field))).toBe(true);
    }
    // The longest allowed texts are accepted.
    const longest = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/privacy', headers: admin.headers, payload: { title: 't'.repeat(120), body: 'b'.repeat(20000) } });
    expect(longest.statusCode).toBe(200);
    expect((await read('contact')).json()).toEqual(before);
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore + 1);
  });

  it('answers 404 for an unknown page on save as well, and writes nothing', async () => {
    const auditBefore = await countRows(t.database, 'audit_log');
    const response = await t.app.inject({ method: 'PUT', url: '/api/v1/site-pages/cookies', headers: admin.headers, payload: { title: 'Cookies', body: 'Geen.' } });
    expect(response.statusCode).toBe(404);
    expect(await countRows(t.database, 'site_pages')).toBe(3);
    expect(await countRows(t.database, 'audit_log')).toBe(auditBefore);
  });
});

describe('site pages demo data', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({}, { demoData: ['site'] });
  });
  afterAll(() => demo.close());

  it('writes the three demo texts, marked as demo, and never over a text the administrator saved', async () => {
    const list = (await demo.app.inject({ method: 'GET', url: '/api/v1/site-pages' })).json();
    expect(list.items.map((p: { written: boolean; isDemo: boolean }) => [p.written, p.isDemo])).toEqual([[true, true], [true, true], [true, true]]);
    const privacy = (await demo.app.inject({ method: 'GET', url: '/api/v1/site-pages/privacy' })).json();
    expect(privacy.body).toContain('Voer geen echte persoonsgegevens in');
    expect(privacy.body).toContain('synthetisch');
    const accessibility = (await demo.app.inject({ method: 'GET', url: '/api/v1/site-pages/accessibility' })).json();
    expect(accessibility.body).toContain('gedeeltelijk voldoet');
    expect(accessibility.body).toContain('WCAG 2.1');
    const contact = (await demo.app.inject({ method: 'GET', url: '/api/v1/site-pages/contact' })).json();
    // No real person's address: only the reserved example domain.
    for (const match of contact.body.matchAll(/[\w.-]+@([\w.-]+)/g)) expect(match[1]).toBe('example.org');

    const admin = await demo.login('beheerder');
    await demo.app.inject({ method: 'PUT', url: '/api/v1/site-pages/contact', headers: admin.headers, payload: { title: 'Contact', body: 'Eigen tekst.' } });
    const { siteModule } = await import('../index.js');
    await siteModule.seedDemo?.(demo.database.db);
    const after = (await demo.app.inject({ method: 'GET', url: '/api/v1/site-pages/contact' })).json();
    expect(after).toMatchObject({ body: 'Eigen tekst.', isDemo: false });
    expect(await countRows(demo.database, 'site_pages')).toBe(3);
  });
});
