import { badInput, type CliIo } from './cli-support.js';

export const PASSWORD_ENV = 'WIJKREGIE_PASSWORD';

// Far above any valid password; a runaway pipe must not fill memory.
const MAX_STDIN_BYTES = 64 * 1024;

/**
 * The password never comes from argv (it would land in shell history and in `ps` for every user to
 * read): from WIJKREGIE_PASSWORD, else typed at a terminal without echo, else the first line of stdin.
 */
export async function readPassword(io: CliIo): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (io.stdin.isTTY && io.stdin.setRawMode) {
    const first = await promptHidden(io, 'Password: ');
    const second = await promptHidden(io, 'Password again: ');
    if (first !== second) throw badInput('The two passwords differ.');
    return first;
  }
  const piped = firstLine(await readAll(io.stdin));
  if (piped === '') throw badInput(`No password given: set ${PASSWORD_ENV} or pass it on stdin (e.g. from a password manager).`);
  return piped;
}

/** The first line without its line ending: `echo secret | …` and a file with a trailing newline both work. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

async function readAll(stream: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN_BYTES) throw badInput('stdin holds more than a password.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  io.stderr(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer | string): void => {
      for (const char of data.toString()) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(badInput('Cancelled.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
