import { CreateUser, ROLE_CODES, type User } from '../../modules/auth/contract.js';
import { createUser } from '../../modules/auth/index.js';
import { AppError, SYSTEM_ACTOR, type DatabaseHandle } from '../../platform/server/index.js';
import { badInput, EXIT, parseCommandArgs, withDatabase, type CliCommand } from '../cli-support.js';
import { findOrganisationByRef } from '../cli.queries.js';
import { PASSWORD_ENV, readPassword } from '../password-input.js';
import { formatIssues, type InputIssue } from './input-errors.js';

export interface CreateUserFlags {
  username?: string | undefined;
  displayName?: string | undefined;
  /** An organisation's name or id. */
  organisation?: string | undefined;
  roles: string[];
  areas: string[];
  email?: string | undefined;
}

/** The user to create, checked, with the organisation still as the operator typed it. */
export interface CreateUserRequest {
  organisation: string;
  user: Omit<CreateUser, 'organisationId'>;
}

const FLAG_NAMES: Record<string, string> = {
  username: '--username',
  displayName: '--display-name',
  email: '--email',
  password: `the password (${PASSWORD_ENV} or stdin)`,
  roles: '--role',
  areaScopes: '--area',
  organisation: '--organisation',
};

const CreateUserWithoutOrganisation = CreateUser.omit({ organisationId: true });
const CreateUserWithoutOrganisationOrPassword = CreateUser.omit({ organisationId: true, password: true });

export function parseCreateUserFlags(args: string[]): CreateUserFlags {
  // Named on purpose, instead of node's generic "unknown option": the reason matters to whoever typed it.
  if (args.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw badInput(`The password is never taken from the command line (shell history, ps): set ${PASSWORD_ENV} or pass it on stdin.`);
  }
  const { values } = parseCommandArgs(args, {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    organisation: { type: 'string' },
    role: { type: 'string', multiple: true },
    area: { type: 'string', multiple: true },
    email: { type: 'string' },
  });
  return {
    username: values.username,
    displayName: values['display-name'],
    organisation: values.organisation,
    roles: values.role ?? [],
    areas: values.area ?? [],
    email: values.email,
  };
}

/**
 * Checks everything that can be checked without the database, with the auth module's own schema. With
 * `password` null it checks all but the password, so a typo is reported before anyone is asked to type one.
 */
export function validateCreateUser(flags: CreateUserFlags, password: string): CreateUserRequest;
export function validateCreateUser(flags: CreateUserFlags, password: null): null;
export function validateCreateUser(flags: CreateUserFlags, password: string | null): CreateUserRequest | null {
  const fields = {
    username: flags.username,
    displayName: flags.displayName,
    email: flags.email,
    roles: flags.roles,
    areaScopes: flags.areas,
  };
  const issues: InputIssue[] = [];
  const organisation = flags.organisation?.trim() ?? '';
  if (password === null) {
    const parsed = CreateUserWithoutOrganisationOrPassword.safeParse(fields);
    if (!parsed.success) issues.push(...parsed.error.issues);
    if (organisation === '') issues.push({ path: ['organisation'], message: 'required' });
    if (issues.length > 0) throw badInput(formatIssues(issues, FLAG_NAMES));
    return null;
  }
  const parsed = CreateUserWithoutOrganisation.safeParse({ ...fields, password });
  if (!parsed.success) issues.push(...parsed.error.issues);
  if (organisation === '') issues.push({ path: ['organisation'], message: 'required' });
  if (!parsed.success || issues.length > 0) throw badInput(formatIssues(issues, FLAG_NAMES));
  return { organisation, user: parsed.data };
}

/** Creates the user through the auth module with the system as actor, so the CLI leaves an audit row too. */
export async function createUserWithSystemActor(database: DatabaseHandle, request: CreateUserRequest): Promise<User> {
  const organisation = await findOrganisationByRef(database.db, request.organisation);
  if (!organisation) {
    throw badInput(`No organisation "${request.organisation}". Create it first: create-organisation --name "${request.organisation}" --kind gemeente`);
  }
  if (organisation.disabled) throw badInput(`The organisation "${organisation.name}" is disabled.`);
  try {
    return await createUser(database.db, SYSTEM_ACTOR, { ...request.user, organisationId: organisation.id });
  } catch (error) {
    // The service's 4xx errors (username taken, …) are the operator's to fix, not failures of the tool.
    if (error instanceof AppError && error.status < 500) {
      const details = error.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join('') ?? '';
      throw badInput(`${error.message}${details}`);
    }
    throw error;
  }
}

export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: `Add a user (password from ${PASSWORD_ENV} or stdin, never from the command line)`,
  usage:
    'create-user --username <name> --display-name "<name>" --organisation "<organisation name or id>" ' +
    `--role <${ROLE_CODES.join('|')}> [--role …] [--area GM0505 …] [--email <address>]`,
  async run(args, io) {
    const flags = parseCreateUserFlags(args);
    validateCreateUser(flags, null);
    const request = validateCreateUser(flags, await readPassword(io));
    const user = await withDatabase(io, { migrate: true }, (database) => createUserWithSystemActor(database, request));
    io.stdout(`Created user ${user.username} (id ${user.id}) in "${user.organisationName}" with role(s) ${user.roles.join(', ')}\n`);
    return EXIT.ok;
  },
};
