import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { badInput } from '../cli-support.js';
import { BackupFormatError, MAX_LINE_CHARS } from './backup-format.js';

const GZIP_MAGIC = [0x1f, 0x8b];

/** Fails with a message an operator understands before any byte is decompressed. */
export async function checkBackupFile(file: string): Promise<void> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw badInput(`No such file: ${file}`);
  }
  if (!info.isFile()) throw badInput(`Not a file: ${file}`);
  const handle = await open(file, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== GZIP_MAGIC[0] || buffer[1] !== GZIP_MAGIC[1]) {
      throw badInput(`${file} is not a Wijkregie backup: it is not gzip-compressed.`);
    }
  } finally {
    await handle.close();
  }
}

/** The decompressed lines of a backup, one at a time, without the "\n"; memory stays at one line. */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  await checkBackupFile(file);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not pass errors on; a read error must end the iteration below, not hang it.
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let newline = pending.indexOf('\n');
      let start = 0;
      while (newline !== -1) {
        yield pending.slice(start, newline);
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS) throw new BackupFormatError('The backup is damaged: a line is too long.');
    }
  } catch (error) {
    if (error instanceof BackupFormatError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) throw new BackupFormatError(`The backup is damaged: its compressed data is invalid (${(error as Error).message}).`);
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}
