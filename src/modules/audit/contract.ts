import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../../platform/shared/dates.js';

/** The audit module's API shapes, shared by server and web. */

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  /** Username of the actor. */
  actor: z.string().min(1).max(100).optional(),
  /** A subject id, or "type:id" to narrow by type as well. */
  subject: z.string().min(1).max(200).optional(),
  subjectType: z.string().min(1).max(80).optional(),
  action: z.string().min(1).max(80).optional(),
  from: IsoDateTime.or(IsoDate).optional(),
  to: IsoDateTime.or(IsoDate).optional(),
  /** Keyset paging: entries with an id below this one. */
  before: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditList = z.object({ items: z.array(AuditEntry), nextBefore: z.string().nullable() });
export type AuditList = z.infer<typeof AuditList>;

export const AuditVerifyResponse = z.object({
  valid: z.boolean(),
  rows: z.number().int(),
  firstInvalidId: z.string().optional(),
  reason: z.string().optional(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
