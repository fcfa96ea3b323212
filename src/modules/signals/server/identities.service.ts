import type { Kysely } from 'kysely';
import { withAudit, type Actor, type Database } from '../../../platform/server/index.js';
import type { SubjectExportRequest } from '../contract.js';
import { SubjectExportRequest as SubjectExportSchema } from '../contract.js';
import { openReference, pseudonymOf } from './pseudonyms.js';
import { auditRead } from './read-audit.js';
import type { SignalsContext } from './signals-context.js';
import { findIdentities, findRetentionExtensions, findSignalById, findSignalIdsOfPseudonym, findSubjectsOf } from './signals.queries.js';
import { requireVisibleSignal } from './signals.service.js';
import { signalsDb } from './signals.tables.js';
import { findCasesOfSubject } from './cases.queries.js';

/** Who is behind the pseudonyms of one visible signal: `signal_identities.read` only; audited per pseudonym. */
export async function readSignalIdentities(db: Kysely<Database>, actor: Actor, id: string, ctx: SignalsContext) {
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    await requireVisibleSignal(sdb, actor, id);
    const subjects = await findSubjectsOf(sdb, [id]);
    const identities = await findIdentities(sdb, subjects.map((s) => s.pseudonym));
    const pseudonyms = identities.map((i) => i.pseudonym);
    await auditRead(tx, actor, 'signals.identities_read', { type: 'signal', id }, { pseudonyms }, { now: ctx.now, pseudonyms, unusualReadsPerHour: ctx.unusualReadsPerHour });
    return { items: identities.map((i) => ({ pseudonym: i.pseudonym, kind: i.kind, reference: openReference(ctx.keys, i.reference_sealed) })) };
  });
}

/**
 * A data-subject request (AVG art. 15/20, SECURITY.md 11): every record about one person or group across
 * partners, and nothing else — other subjects on the same signals appear only as a count. Ordered so the
 * same data always gives the same document.
 */
export async function exportDataSubject(db: Kysely<Database>, actor: Actor, request: SubjectExportRequest, ctx: SignalsContext) {
  const input = SubjectExportSchema.parse(request);
  const pseudonym = input.pseudonym ?? pseudonymOf(ctx.keys, input.kind, input.reference ?? '');
  return db.transaction().execute(async (tx) => {
    const sdb = signalsDb(tx);
    const signalIds = await findSignalIdsOfPseudonym(sdb, pseudonym);
    const signals = [];
    for (const id of signalIds) {
      const row = await findSignalById(sdb, id);
      if (!row) continue;
      const extensions = await findRetentionExtensions(sdb, id);
      signals.push({
        category: row.category,
        occurredAt: row.occurred_at.toISOString(),
        areaCode: row.area_code,
        address: row.address,
        location: row.lon === null ? null : { lon: row.lon, lat: row.lat },
        description: row.description,
        details: row.details,
        sourceOrganisation: row.source_organisation_name,
        legalRegime: row.legal_regime,
        purpose: row.purpose,
        confidentiality: row.confidentiality,
        retentionUntil: row.retention_until,
        otherSubjects: row.person_count + row.group_count - 1,
        retentionExtensions: extensions.map((e) => ({ previousUntil: e.previous_until, newUntil: e.new_until, reason: e.reason })),
        registeredAt: row.created_at.toISOString(),
      });
    }
    signals.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.registeredAt.localeCompare(b.registeredAt));
    const cases = await findCasesOfSubject(sdb, pseudonym, signalIds);
    const [identity] = await findIdentities(sdb, [pseudonym]);
    await withAudit(tx, actor, 'signals.subject_export', { type: 'pseudonym', id: pseudonym }, { signals: signals.length, cases: cases.length }, ctx.now);
    return {
      subject: { kind: identity?.kind ?? input.kind, pseudonym, reference: identity ? openReference(ctx.keys, identity.reference_sealed) : null },
      generatedAt: ctx.now.toISOString(),
      signals,
      cases,
    };
  });
}
