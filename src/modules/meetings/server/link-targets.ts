import type { Kysely } from 'kysely';
import { AppError, invalid, type Actor, type Database, type FieldError } from '../../../platform/server/index.js';
import { findAreaForFigures } from '../../areas/index.js';
import type { Link, LinkRef } from '../contract.js';
import type { MeetingsActor } from './meeting-access.js';
import { findProgrammeLinkTarget, type ProgrammeLinkKind } from './programme-links.js';

/**
 * Agenda items point at things other modules own. Each link is checked with the owning module before it is
 * stored, and stored with the target's name so an agenda stays readable. `priority` is a priority area
 * (a focus area, wijk or buurt code); goals, activities and programmes belong to the programmes module.
 */

/**
 * Other modules' functions take a request's actor; the demo seed acts as the system. Areas look only at the
 * area scopes, programmes at roles and organisation.
 */
export function asRequestActor(actor: MeetingsActor): Actor {
  return {
    userId: actor.userId ?? '',
    username: actor.username ?? 'system',
    displayName: actor.username ?? 'system',
    organisationId: actor.organisationId ?? '',
    organisationName: '',
    organisationKind: '',
    roles: [...actor.roles],
    areaScopes: [...actor.areaScopes],
    locale: 'nl',
    totpEnabled: false,
    via: 'session',
  };
}

export async function findAreaName(db: Kysely<Database>, actor: MeetingsActor, code: string): Promise<{ name: string; municipalityCode: string; level: string } | null> {
  try {
    const area = await findAreaForFigures(db, asRequestActor(actor), code);
    return { name: area.name, municipalityCode: area.municipalityCode, level: area.level };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  }
}

export async function resolveLinks(db: Kysely<Database>, actor: MeetingsActor, links: readonly LinkRef[], path = 'links'): Promise<Link[]> {
  const errors: FieldError[] = [];
  const resolved: Link[] = [];
  const seen = new Set<string>();
  for (const [i, link] of links.entries()) {
    const key = `${link.kind}:${link.id}`;
    if (seen.has(key)) {
      errors.push({ path: `${path}.${i}`, message: 'the same link twice' });
      continue;
    }
    seen.add(key);
    const label = link.kind === 'priority' ? (await findAreaName(db, actor, link.id))?.name : (await findProgrammeLinkTarget(db, asRequestActor(actor), link.kind as ProgrammeLinkKind, link.id))?.label;
    if (!label) errors.push({ path: `${path}.${i}.id`, message: `unknown ${link.kind} ${link.id}` });
    else resolved.push({ kind: link.kind, id: link.id, label });
  }
  if (errors.length) throw invalid('meeting.invalid_links', 'Some links point at nothing', errors);
  return resolved;
}
