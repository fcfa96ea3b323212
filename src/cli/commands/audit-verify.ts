import { verifyAuditChain, type AuditVerification, type DatabaseHandle } from '../../platform/server/index.js';
import { EXIT, parseCommandArgs, withDatabase, type CliCommand, type ExitCode } from '../cli-support.js';

export async function verifyAudit(database: DatabaseHandle): Promise<AuditVerification> {
  return verifyAuditChain(database.db);
}

export function describeVerification(result: AuditVerification): { text: string; exitCode: ExitCode } {
  if (result.valid) return { text: `valid: ${result.rows} rows\n`, exitCode: EXIT.ok };
  return {
    text: `INVALID at audit_log id ${result.firstInvalidId ?? '?'}: ${result.reason ?? 'unknown reason'} (${result.rows} rows before it verify)\n`,
    exitCode: EXIT.auditInvalid,
  };
}

export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'Recompute the audit log hash chain; exit code 3 when it was tampered with',
  usage: 'audit-verify',
  async run(args, io) {
    parseCommandArgs(args, {});
    // Read-only on purpose: a verification must not migrate (change) the database it inspects.
    const result = await withDatabase(io, { migrate: false, mustExist: true }, (database) => verifyAudit(database));
    const { text, exitCode } = describeVerification(result);
    io.stdout(text);
    return exitCode;
  },
};
