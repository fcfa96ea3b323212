import { CreateOrganisation, ORGANISATION_KINDS } from '../../modules/auth/contract.js';
import { createOrganisation } from '../../modules/auth/index.js';
import { AppError, SYSTEM_ACTOR, type DatabaseHandle } from '../../platform/server/index.js';
import { badInput, EXIT, parseCommandArgs, withDatabase, type CliCommand } from '../cli-support.js';
import { formatIssues } from './input-errors.js';

export interface CreatedOrganisation {
  id: string;
  name: string;
  kind: string;
}

/** Validates before anything is opened, so bad input never waits for (or takes) the data-folder lock. */
export function parseCreateOrganisationInput(input: { name?: string | undefined; kind?: string | undefined }): CreateOrganisation {
  const parsed = CreateOrganisation.safeParse(input);
  if (!parsed.success) throw badInput(formatIssues(parsed.error.issues, { name: '--name', kind: '--kind' }));
  return parsed.data;
}

/**
 * Adds an organisation with the system as actor (audited), so a fresh production install can be
 * bootstrapped from the command line: organisation first, then its administrator.
 */
export async function createOrganisationWithSystemActor(database: DatabaseHandle, input: CreateOrganisation): Promise<CreatedOrganisation> {
  try {
    const created = await createOrganisation(database.db, SYSTEM_ACTOR, input);
    return { id: created.id, name: created.name, kind: created.kind };
  } catch (error) {
    if (error instanceof AppError && error.code === 'organisation.name_taken') throw badInput(`An organisation named "${input.name}" exists already.`);
    throw error;
  }
}

export const createOrganisationCommand: CliCommand = {
  name: 'create-organisation',
  summary: 'Add a partner organisation (audited as the system)',
  usage: `create-organisation --name "<name>" --kind <${ORGANISATION_KINDS.join('|')}>`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { name: { type: 'string' }, kind: { type: 'string' } });
    const input = parseCreateOrganisationInput({ name: values.name, kind: values.kind });
    const created = await withDatabase(io, { migrate: true }, (database) => createOrganisationWithSystemActor(database, input));
    io.stdout(`Created organisation "${created.name}" (${created.kind}), id ${created.id}\n`);
    return EXIT.ok;
  },
};
