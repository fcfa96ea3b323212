import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_SESSION_SECRET, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data, port 8080, demo mode on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, databaseUrl: undefined, demoMode: true, production: false, sessionIdleMinutes: 30, sessionAbsoluteMinutes: 720 });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.secureCookies).toBe(false);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '-1' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_IDLE_MINUTES|PORT[\s\S]*SESSION_IDLE_MINUTES[\s\S]*DATABASE_URL/) }),
    );
  });

  it.each([
    [{ NODE_ENV: 'production' }, /SESSION_SECRET is missing/],
    [{ NODE_ENV: 'production', DEMO_MODE: 'false' }, /SESSION_SECRET is missing/],
    [{ NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: DEMO_SESSION_SECRET }, /demo default/],
    [{ NODE_ENV: 'production', DEMO_MODE: 'true', SESSION_SECRET: 'x'.repeat(40) }, /DEMO_MODE is on/],
    [{ NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 'short' }, /at least 32 characters/],
  ])('refuses production with demo settings: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts production with its own secret and demo mode off, with Secure cookies', () => {
    const config = loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 's'.repeat(48) });
    expect(config).toMatchObject({ production: true, demoMode: false, secureCookies: true });
  });

  it('refuses an absolute session timeout shorter than the idle one', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '60', SESSION_ABSOLUTE_MINUTES: '30' })).toThrow(/SESSION_ABSOLUTE_MINUTES/);
  });

  it('keeps notifications 90 days once read and 365 days in all by default, and refuses settings that cannot hold', () => {
    expect(loadConfig({})).toMatchObject({ notificationReadRetentionDays: 90, notificationRetentionDays: 365 });
    expect(loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '30', NOTIFICATION_RETENTION_DAYS: '30' })).toMatchObject({ notificationReadRetentionDays: 30, notificationRetentionDays: 30 });
    expect(() => loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '0' })).toThrow(/NOTIFICATION_READ_RETENTION_DAYS/);
    expect(() => loadConfig({ NOTIFICATION_RETENTION_DAYS: 'a year' })).toThrow(/NOTIFICATION_RETENTION_DAYS/);
    expect(() => loadConfig({ NOTIFICATION_RETENTION_DAYS: '3651' })).toThrow(ConfigError);
    expect(() => loadConfig({ NOTIFICATION_READ_RETENTION_DAYS: '200', NOTIFICATION_RETENTION_DAYS: '100' })).toThrow(/NOTIFICATION_READ_RETENTION_DAYS must be at most NOTIFICATION_RETENTION_DAYS/);
  });

  describe('OIDC login', () => {
    const complete = {
      OIDC_ISSUER: 'https://login.gemeente.example/realms/medewerkers',
      OIDC_CLIENT_ID: 'wijkregie',
      OIDC_CLIENT_SECRET: 'c'.repeat(40),
      PUBLIC_URL: 'https://wijkregie.gemeente.example/',
    };

    it('is off without OIDC_ISSUER', () => {
      expect(loadConfig({}).oidc).toBeNull();
    });

    it('derives the redirect URI from PUBLIC_URL and reads the defaults', () => {
      expect(loadConfig(complete).oidc).toEqual({
        issuer: 'https://login.gemeente.example/realms/medewerkers',
        clientId: 'wijkregie',
        clientSecret: 'c'.repeat(40),
        label: null,
        usernameClaim: 'preferred_username',
        mfaAmr: [],
        scopes: 'openid profile',
        redirectUri: 'https://wijkregie.gemeente.example/api/v1/session/oidc/callback',
        allowInsecureRequests: false,
      });
    });

    it('reads the label, the username claim and the MFA amr values', () => {
      const oidc = loadConfig({ ...complete, OIDC_LABEL: ' Inloggen met Gemeente-account ', OIDC_USERNAME_CLAIM: 'email', OIDC_MFA_AMR: 'mfa, otp hwk,mfa', OIDC_SCOPES: 'openid email' }).oidc;
      expect(oidc).toMatchObject({ label: 'Inloggen met Gemeente-account', usernameClaim: 'email', mfaAmr: ['mfa', 'otp', 'hwk'], scopes: 'openid email' });
    });

    it('lists every missing piece at once', () => {
      let message = '';
      try {
        loadConfig({ OIDC_ISSUER: complete.OIDC_ISSUER });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain('OIDC_CLIENT_ID is missing');
      expect(message).toContain('OIDC_CLIENT_SECRET is missing');
      expect(message).toContain('PUBLIC_URL is missing: OIDC login needs it for the redirect URI');
    });

    it.each([
      [{ OIDC_ISSUER: 'http://login.gemeente.example' }, /OIDC_ISSUER must be an https URL \(plain http only for localhost/],
      [{ OIDC_ISSUER: 'ftp://localhost/idp' }, /OIDC_ISSUER must be an https URL/],
      [{ OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER must be a URL/],
      [{ OIDC_ISSUER: 'https://login.gemeente.example/?tenant=1' }, /OIDC_ISSUER must not have a query/],
      [{ OIDC_USERNAME_CLAIM: 'preferred username' }, /OIDC_USERNAME_CLAIM must be a claim name/],
      [{ OIDC_MFA_AMR: ' ' }, /OIDC_MFA_AMR must be amr values/],
      [{ OIDC_SCOPES: 'profile email' }, /OIDC_SCOPES must include openid/],
      [{ OIDC_LABEL: 'Inloggen\nmet' }, /OIDC_LABEL must not contain control characters/],
      [{ PUBLIC_URL: 'wijkregie.gemeente.example' }, /PUBLIC_URL/],
    ])('refuses %o', (change, message) => {
      expect(() => loadConfig({ ...complete, ...change })).toThrow(message);
    });

    it('allows plain http to a localhost identity provider outside production only', () => {
      const local = { ...complete, OIDC_ISSUER: 'http://localhost:4000', PUBLIC_URL: 'http://localhost:8080' };
      expect(loadConfig(local).oidc).toMatchObject({ allowInsecureRequests: true, redirectUri: 'http://localhost:8080/api/v1/session/oidc/callback' });
      const production = { ...local, NODE_ENV: 'production', DEMO_MODE: 'false', SESSION_SECRET: 's'.repeat(48) };
      expect(() => loadConfig(production)).toThrow(/OIDC_ISSUER must be an https URL in production/);
      expect(() => loadConfig(production)).toThrow(/PUBLIC_URL must be an https URL in production/);
    });

    it('refuses OIDC settings without OIDC_ISSUER instead of ignoring them', () => {
      expect(() => loadConfig({ OIDC_CLIENT_ID: 'wijkregie', OIDC_LABEL: 'Inloggen' })).toThrow(/OIDC_CLIENT_ID, OIDC_LABEL set without OIDC_ISSUER/);
    });
  });

  describe('metrics', () => {
    const token = 't'.repeat(40);

    it('is off unless configured: no port, no token', () => {
      expect(loadConfig({}).metrics).toEqual({ port: null, host: '127.0.0.1', token: null });
    });

    it('reads a port on loopback, a token, or both; a port on another interface needs the token', () => {
      expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: null });
      expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ port: null, host: '127.0.0.1', token });
      expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: token }).metrics).toEqual({ port: 9464, host: '0.0.0.0', token });
    });

    it.each([
      [{ METRICS_PORT: '0' }, /METRICS_PORT/],
      [{ METRICS_PORT: '70000' }, /METRICS_PORT/],
      [{ METRICS_PORT: 'nine' }, /METRICS_PORT/],
      [{ METRICS_PORT: '8080' }, /METRICS_PORT must differ from PORT \(8080\)/],
      [{ METRICS_PORT: '9000', PORT: '9000' }, /METRICS_PORT must differ from PORT/],
      [{ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }, /METRICS_HOST 0\.0\.0\.0 is reachable from other machines: set METRICS_TOKEN too/],
      [{ METRICS_HOST: '127.0.0.1' }, /METRICS_HOST set without METRICS_PORT/],
      [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be 32 to 512 printable characters/],
      [{ METRICS_TOKEN: `${'t'.repeat(20)} ${'t'.repeat(20)}` }, /METRICS_TOKEN must be 32 to 512 printable characters without spaces/],
      [{ METRICS_TOKEN: `${'t'.repeat(40)}\n` }, /METRICS_TOKEN/],
    ])('refuses %o', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
  });

  describe('e-mail (SMTP)', () => {
    const FROM = 'Wijkregie <wijkregie@gemeente.example>';

    it('is off without SMTP_URL and SMTP_HOST', () => {
      expect(loadConfig({}).smtp).toBeNull();
    });

    it('takes an SMTP URL as it is, or host, port, TLS and login', () => {
      expect(loadConfig({ SMTP_URL: 'smtp://u:p@mail.gemeente.example:587', SMTP_FROM: FROM }).smtp).toEqual({ transport: 'smtp://u:p@mail.gemeente.example:587', from: FROM });
      expect(loadConfig({ SMTP_HOST: 'mail.gemeente.example', SMTP_FROM: FROM }).smtp).toEqual({ transport: { host: 'mail.gemeente.example', port: 587, secure: false }, from: FROM });
      expect(loadConfig({ SMTP_HOST: 'mail.gemeente.example', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_FROM: FROM }).smtp).toEqual({
        transport: { host: 'mail.gemeente.example', port: 465, secure: true, auth: { user: 'u', pass: 'p' } },
        from: FROM,
      });
    });

    it.each([
      [{ SMTP_HOST: 'mail.gemeente.example' }, 'SMTP_FROM is missing'],
      [{ SMTP_PORT: '25', SMTP_FROM: FROM }, 'SMTP_PORT, SMTP_FROM set without SMTP_URL or SMTP_HOST'],
      [{ SMTP_URL: 'smtp://mail.gemeente.example', SMTP_HOST: 'mail.gemeente.example', SMTP_FROM: FROM }, 'Set SMTP_URL or SMTP_HOST, not both'],
      [{ SMTP_URL: 'smtp://mail.gemeente.example', SMTP_USER: 'u', SMTP_FROM: FROM }, 'SMTP_USER set with SMTP_URL'],
      [{ SMTP_HOST: 'mail.gemeente.example', SMTP_USER: 'u', SMTP_FROM: FROM }, 'SMTP_USER and SMTP_PASS go together'],
      [{ SMTP_URL: 'http://mail.gemeente.example', SMTP_FROM: FROM }, 'SMTP_URL must start with smtp:// or smtps://'],
      [{ SMTP_HOST: 'mail.gemeente.example', SMTP_FROM: 'wijkregie' }, 'SMTP_FROM must be an e-mail address'],
    ])('refuses an incomplete or wrong set (%j)', (env, message) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    });
  });
});
