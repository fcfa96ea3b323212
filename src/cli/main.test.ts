import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT, type CliIo } from './cli-support.js';
import { parseCreateUserFlags, validateCreateUser } from './commands/create-user.js';
import { parseCreateOrganisationInput } from './commands/create-organisation.js';
import { describeVerification } from './commands/audit-verify.js';
import { COMMANDS, runCli } from './main.js';
import { firstLine, readPassword } from './password-input.js';

function testIo(options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    // No DATA_DIR: any test that reached the database would use ./data, so these tests must stop before.
    env: options.env ?? {},
    cwd: '/nonexistent',
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('runCli', () => {
  it('lists every command in help and exits 0', async () => {
    const t = testIo();
    expect(await runCli(['help'], t.io)).toBe(EXIT.ok);
    for (const command of COMMANDS) expect(t.out()).toContain(command.name);
    const names = COMMANDS.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['migrate', 'create-organisation', 'create-user', 'disable-demo-accounts', 'unlink-oidc', 'audit-verify', 'backup', 'restore']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('exits 2 without a command or with an unknown one', async () => {
    const none = testIo();
    expect(await runCli([], none.io)).toBe(EXIT.badInput);
    expect(none.err()).toContain('Usage:');
    const unknown = testIo();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(EXIT.badInput);
    expect(unknown.err()).toContain('Unknown command: frobnicate');
  });

  it('shows one command\'s usage for "help <command>" and "<command> --help"', async () => {
    const a = testIo();
    expect(await runCli(['help', 'backup'], a.io)).toBe(EXIT.ok);
    expect(a.out()).toContain('backup <file>');
    const b = testIo();
    expect(await runCli(['restore', '--help'], b.io)).toBe(EXIT.ok);
    expect(b.out()).toContain('restore <file>');
  });

  it('exits 2 on unknown options and missing or extra arguments, before opening anything', async () => {
    const cases: string[][] = [['migrate', '--force'], ['backup'], ['backup', 'a', 'b'], ['restore'], ['audit-verify', 'x']];
    for (const argv of cases) {
      const t = testIo();
      expect(await runCli(argv, t.io), argv.join(' ')).toBe(EXIT.badInput);
      expect(t.err().length).toBeGreaterThan(0);
    }
  });

  it('refuses a password on the command line, naming why', async () => {
    const t = testIo();
    expect(await runCli(['create-user', '--username', 'x', '--password', 'secret-in-history'], t.io)).toBe(EXIT.badInput);
    expect(t.err()).toContain('never taken from the command line');
    expect(await runCli(['create-user', '--password=abc'], testIo().io)).toBe(EXIT.badInput);
  });

  it('exits 2 with every create-user problem named by its option, before asking for a password', async () => {
    const t = testIo({ stdin: '' });
    expect(await runCli(['create-user', '--username', 'Bad Name', '--role', 'king', '--area', 'Dordrecht'], t.io)).toBe(EXIT.badInput);
    const err = t.err();
    expect(err).toContain('--username:');
    expect(err).toContain('--display-name: required');
    expect(err).toContain('--organisation: required');
    expect(err).toContain('--role (value 1):');
    expect(err).toContain('--area (value 1): not a CBS area code');
    expect(err).not.toContain('password');
  });

  it('exits 2 on unlink-oidc without exactly one valid username, before opening anything', async () => {
    const cases: [string[], string][] = [
      [['unlink-oidc'], 'Missing argument.'],
      [['unlink-oidc', 'jansen', 'pietersen'], 'Unexpected argument: pietersen'],
      [['unlink-oidc', 'A. Jansen'], 'Not a username: "A. Jansen"'],
      [['unlink-oidc', '-x'], "Unknown option '-x'"],
      [['unlink-oidc', '--issuer', 'https://idp.example', 'jansen'], "Unknown option '--issuer'"],
    ];
    for (const [argv, message] of cases) {
      const t = testIo();
      expect(await runCli(argv, t.io), argv.join(' ')).toBe(EXIT.badInput);
      expect(t.err(), argv.join(' ')).toContain(message);
      expect(t.err()).toContain('Usage: npm run cli -- unlink-oidc <username>');
    }
  });

  it('exits 2 when DATA_DIR holds no database for a command that reads one, creating nothing', async () => {
    for (const argv of [['backup', 'out.wrb'], ['audit-verify']]) {
      const t = testIo({ env: { DATA_DIR: '/nonexistent/wijkregie-data' } });
      expect(await runCli(argv, t.io), argv[0]).toBe(EXIT.badInput);
      expect(t.err()).toContain('There is no Wijkregie database in /nonexistent/wijkregie-data (DATA_DIR)');
    }
  });

  it('exits 2 on invalid configuration', async () => {
    const t = testIo({ env: { DATABASE_URL: 'mysql://x' } });
    expect(await runCli(['migrate'], t.io)).toBe(EXIT.badInput);
    expect(t.err()).toContain('DATABASE_URL must start with postgres://');
  });
});

describe('create-user input', () => {
  const flags = parseCreateUserFlags([
    '--username', 'j.jansen', '--display-name', 'J. Jansen', '--organisation', 'Gemeente Dordrecht',
    '--role', 'administrator', '--role', 'analyst', '--area', 'GM0505', '--area', 'WK050503', '--email', 'j@example.org',
  ]);

  it('collects repeated --role and --area', () => {
    expect(flags.roles).toEqual(['administrator', 'analyst']);
    expect(flags.areas).toEqual(['GM0505', 'WK050503']);
  });

  it('validates with the auth contract, password included', () => {
    const request = validateCreateUser(flags, 'a sufficiently long password');
    expect(request.organisation).toBe('Gemeente Dordrecht');
    expect(request.user).toMatchObject({ username: 'j.jansen', displayName: 'J. Jansen', roles: ['administrator', 'analyst'], areaScopes: ['GM0505', 'WK050503'] });
    expect(() => validateCreateUser(flags, 'short')).toThrow(/the password \(WIJKREGIE_PASSWORD or stdin\): at least 12 characters/);
  });

  it('requires at least one role', () => {
    expect(() => validateCreateUser({ ...flags, roles: [] }, null)).toThrow(/--role:/);
  });
});

describe('create-organisation input', () => {
  it('accepts a known kind and refuses others with the option name', () => {
    expect(parseCreateOrganisationInput({ name: ' Gemeente X ', kind: 'gemeente' })).toEqual({ name: 'Gemeente X', kind: 'gemeente' });
    expect(() => parseCreateOrganisationInput({ name: 'X', kind: 'bank' })).toThrow(/--kind:/);
    expect(() => parseCreateOrganisationInput({ kind: 'gemeente' })).toThrow(/--name: required/);
  });
});

describe('password input', () => {
  it('takes the environment first, then the first line of stdin', async () => {
    expect(await readPassword(testIo({ env: { WIJKREGIE_PASSWORD: 'from env' }, stdin: 'from stdin\n' }).io)).toBe('from env');
    expect(await readPassword(testIo({ stdin: 'from stdin\r\nsecond line\n' }).io)).toBe('from stdin');
    await expect(readPassword(testIo({ stdin: '' }).io)).rejects.toThrow(/No password given/);
  });

  it('keeps spaces inside and at the ends of a line', () => {
    expect(firstLine('  spaced out  \n')).toBe('  spaced out  ');
    expect(firstLine('no newline')).toBe('no newline');
  });
});

describe('audit verification output', () => {
  it('says valid with the row count, or names the first bad row with exit code 3', () => {
    expect(describeVerification({ valid: true, rows: 12, lastHash: 'x' })).toEqual({ text: 'valid: 12 rows\n', exitCode: EXIT.ok });
    const bad = describeVerification({ valid: false, rows: 4, lastHash: 'x', firstInvalidId: '5', reason: 'row content does not match its hash' });
    expect(bad.exitCode).toBe(EXIT.auditInvalid);
    expect(bad.text).toContain('id 5: row content does not match its hash');
  });
});
