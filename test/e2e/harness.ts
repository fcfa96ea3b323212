import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SERVER_ARGS } from '../support/server-build.js';

/**
 * Browser tests run the real thing: the built web app served by the real server (a child process on a free
 * port with a fresh data folder, in demo mode), driven by Debian's Chromium through playwright-core.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 120_000;
const SERVER_STOP_TIMEOUT_MS = 15_000;

export interface ContextOptions {
  /** The browser's own time zone (IANA name); Europe/Amsterdam when not given. */
  timezoneId?: string;
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser profile (own cookies and storage), Dutch, at a desktop size, in Amsterdam time unless
   * `timezoneId` names another zone (a browser abroad or on a UTC machine).
   */
  newContext: (options?: ContextOptions) => Promise<BrowserContext>;
  newPage: (options?: ContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
  /** Uncaught page errors and Content-Security-Policy violations seen in any page so far. */
  browserProblems: () => string[];
  /** What the server printed so far; attached to failures. */
  serverLog: () => string;
  stop: () => Promise<void>;
}

/** Builds the web app when there is no build yet (or when E2E_BUILD=1 asks for a fresh one). */
export function ensureWebBuilt(): void {
  const index = path.join(REPO_ROOT, 'dist', 'web', 'index.html');
  if (existsSync(index) && process.env.E2E_BUILD !== '1') return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'src/platform/web/vite.config.ts'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(index)) throw new Error('building the web app failed');
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was healthy:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SERVER_STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    server.kill('SIGKILL');
    await exited;
  }
}

export interface HarnessOptions {
  /** The server's port; a free one when not given (a test that must know the address beforehand picks it). */
  port?: number;
  /** Extra environment for the server, e.g. OIDC settings. */
  env?: Record<string, string>;
}

function spawnServer(port: number, dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...SERVER_ARGS], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the real server once on `dataDir` (migrations and demo data) and stops it cleanly. */
export async function seedDataDir(dataDir: string): Promise<void> {
  const port = await findFreePort();
  const server = spawnServer(port, dataDir);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, server, () => output);
  } finally {
    await stopServer(server);
  }
}

/** The seeded folder of this run's global set-up, when running under it (test/e2e/global-setup.ts). */
async function templateDataDir(): Promise<string | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import('vitest');
  return inject('e2eTemplateDataDir') ?? null;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureWebBuilt();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'wijkregie-e2e-'));
  const template = await templateDataDir();
  if (template) cpSync(template, dataDir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawnServer(port, dataDir, options.env);
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const serverLog = () => output;

  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, server, serverLog);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const launched = browser;
  const problems: string[] = [];
  const newContext = async (options: ContextOptions = {}) => {
    const context = await launched.newContext({
      baseURL: baseUrl,
      locale: 'nl-NL',
      timezoneId: options.timezoneId ?? 'Europe/Amsterdam',
      viewport: { width: 1280, height: 860 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // The app must run under the server's strict CSP without a single violation, and without crashing.
    context.on('page', (page) => watchPage(page, problems));
    return context;
  };
  return {
    baseUrl,
    browser: launched,
    newContext,
    newPage: async (options?: ContextOptions) => {
      const context = await newContext(options);
      const page = await context.newPage();
      return { context, page };
    },
    browserProblems: () => [...problems],
    serverLog,
    stop,
  };
}

function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
}
