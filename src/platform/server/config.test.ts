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
});
