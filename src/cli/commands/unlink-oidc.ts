import { Username } from '../../modules/auth/contract.js';
import { unlinkOidcIdentities, type UnlinkResult } from '../../modules/auth/index.js';
import { AppError, SYSTEM_ACTOR, type DatabaseHandle } from '../../platform/server/index.js';
import { badInput, EXIT, parseCommandArgs, withDatabase, type CliCommand } from '../cli-support.js';

/** The username as typed, checked and lowercased like the login does; bad input before the database opens. */
export function parseUnlinkOidcArgs(args: string[]): string {
  const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1 });
  const username = (positionals[0] ?? '').trim().toLowerCase();
  const parsed = Username.safeParse(username);
  if (!parsed.success) throw badInput(`Not a username: "${positionals[0] ?? ''}" (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  return username;
}

/**
 * Removes a user's OIDC link(s) through the auth module, with the system as actor (audited), and ends
 * their sessions. Their next OIDC login links again by the username claim.
 */
export async function unlinkOidc(database: DatabaseHandle, username: string): Promise<UnlinkResult> {
  try {
    return await unlinkOidcIdentities(database.db, SYSTEM_ACTOR, username);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) throw badInput(error.message);
    throw error;
  }
}

export const unlinkOidcCommand: CliCommand = {
  name: 'unlink-oidc',
  summary: "Remove a user's link to their identity-provider account (audited, sessions ended); the next OIDC login links again",
  usage: 'unlink-oidc <username>',
  async run(args, io) {
    const username = parseUnlinkOidcArgs(args);
    const result = await withDatabase(io, { migrate: true }, (database) => unlinkOidc(database, username));
    if (result.removed.length === 0) {
      io.stdout(`${result.username} has no OIDC link; nothing changed.\n`);
    } else {
      const issuers = [...new Set(result.removed.map((link) => link.issuer))].join(', ');
      io.stdout(`Removed the OIDC link of ${result.username} (${issuers}); ended ${result.sessionsEnded} session(s).\n`);
    }
    return EXIT.ok;
  },
};
