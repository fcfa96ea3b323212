import { updateUser } from '../../modules/auth/index.js';
import { SYSTEM_ACTOR, type DatabaseHandle } from '../../platform/server/index.js';
import { CliError, EXIT, parseCommandArgs, withDatabase, type CliCommand } from '../cli-support.js';
import { countActiveRealAdministrators, findActiveDemoAccounts } from '../cli.queries.js';

export interface DisableDemoAccountsResult {
  disabled: string[];
}

/**
 * Disables every active demo account (password "demo") so production can start on a database that was
 * once a demo. Each goes through the auth module's updateUser: audited, and its sessions end at once.
 * Safe to repeat: disabled accounts are skipped.
 */
export async function disableDemoAccounts(database: DatabaseHandle): Promise<DisableDemoAccountsResult> {
  const accounts = await findActiveDemoAccounts(database.db);
  // Checked up front: halfway through, the service would refuse the last administrator and leave
  // some demo accounts enabled.
  if (accounts.some((account) => account.isAdministrator) && (await countActiveRealAdministrators(database.db)) === 0) {
    throw new CliError(
      'Disabling the demo accounts would leave no active administrator. Create one first:\n' +
        '  create-user --username <name> --display-name "<name>" --organisation "<organisation>" --role administrator',
    );
  }
  const disabled: string[] = [];
  for (const account of accounts) {
    await updateUser(database.db, SYSTEM_ACTOR, account.id, { disabled: true });
    disabled.push(account.username);
  }
  return { disabled };
}

export const disableDemoAccountsCommand: CliCommand = {
  name: 'disable-demo-accounts',
  summary: 'Disable every demo account (audited, sessions ended) before running in production',
  usage: 'disable-demo-accounts',
  async run(args, io) {
    parseCommandArgs(args, {});
    const result = await withDatabase(io, { migrate: true }, (database) => disableDemoAccounts(database));
    io.stdout(
      result.disabled.length === 0
        ? 'No active demo accounts.\n'
        : `Disabled ${result.disabled.length} demo account(s): ${result.disabled.join(', ')}\n`,
    );
    return EXIT.ok;
  },
};
