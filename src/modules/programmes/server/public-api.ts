import type { Kysely } from 'kysely';
import { findAreaNames } from '../../areas/index.js';
import type { Actor, Database } from '../../../platform/server/index.js';
import type { ActivityStatus, GoalStatus, OperationalGoal, TargetKind } from '../contract.js';
import { listProgrammeActivities } from './activities.service.js';
import { listPillarsOfActivities } from './module-api.js';
import { findProgrammeAreaCodes, findProgrammeRows } from './programmes.queries.js';
import { getProgramme } from './programmes.service.js';
import { programmesDb } from './programmes.tables.js';

/**
 * What residents may see of programmes, for the public area pages (publicpages module, docs/publicpages.md).
 * Only programmes whose manager published them; of those only what the page shows: no person's name (owner
 * persons, who reported progress), no descriptions or progress narratives written for colleagues.
 *
 * The reads run as a reader with the council's rights (role viewer: every programme and activity, no area
 * limit) and no write path; what leaves this file is chosen field by field below, never the whole detail.
 */
const PUBLIC_READER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'public',
  displayName: 'public',
  organisationId: '00000000-0000-0000-0000-000000000000',
  organisationName: '',
  organisationKind: '',
  roles: ['viewer'],
  areaScopes: [],
  locale: 'nl',
  totpEnabled: false,
  via: 'token',
};

export interface PublishedProgrammeRef {
  id: string;
  name: string;
  municipalityCode: string;
  municipalityName: string | null;
  /** The programme's areas (CBS or focus area codes): each gets a public page. */
  areaCodes: string[];
  publishedAt: string;
}

export interface PublicGoal {
  id: string;
  name: string;
  strategicGoalId: string | null;
  isExample: boolean;
  /** Indicator code and the area it is measured in (the public page shows these figures over time). */
  indicator: string;
  area: string;
  indicatorName: string;
  unit: string;
  decimals: number;
  areaName: string;
  baseline: number;
  baselineDate: string;
  targetKind: TargetKind;
  target: number | null;
  targetDate: string;
  status: GoalStatus;
  statusReason: OperationalGoal['statusReason'];
  /** The newest measurement after the baseline (year and value), as the status was judged on. */
  latest: { period: number; value: number | null } | null;
}

export interface PublicActivity {
  id: string;
  name: string;
  ownerOrganisationName: string;
  partnerOrganisationNames: string[];
  status: ActivityStatus;
  progress: number;
  start: string;
  end: string;
  /** The pillars it serves (through its goals). */
  pillarIds: string[];
}

export interface PublishedProgramme extends PublishedProgrammeRef {
  ambition: string;
  pillars: { id: string; name: string }[];
  strategicGoals: { id: string; name: string; pillarId: string | null }[];
  goals: PublicGoal[];
  activities: PublicActivity[];
}

/** Every published programme, newest horizon first. */
export async function listPublishedProgrammes(db: Kysely<Database>): Promise<PublishedProgrammeRef[]> {
  const pdb = programmesDb(db);
  const rows = (await findProgrammeRows(pdb)).filter((r) => r.published_at !== null);
  const areas = await findProgrammeAreaCodes(pdb, rows.map((r) => r.id));
  const names = await findAreaNames(db, rows.map((r) => r.municipality_code));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    municipalityCode: r.municipality_code,
    municipalityName: names.get(r.municipality_code) ?? null,
    areaCodes: areas.get(r.id) ?? [],
    publishedAt: (r.published_at as Date).toISOString(),
  }));
}

/** One published programme as residents see it; null when there is none or it is not published. */
export async function getPublishedProgramme(db: Kysely<Database>, id: string, now: Date): Promise<PublishedProgramme | null> {
  const ref = (await listPublishedProgrammes(db)).find((p) => p.id === id);
  if (!ref) return null;
  const detail = await getProgramme(db, PUBLIC_READER, id);
  const activities = await listProgrammeActivities(db, PUBLIC_READER, id, {}, now);
  const { pillarsByActivity } = await listPillarsOfActivities(db, id);
  return {
    ...ref,
    ambition: detail.ambition,
    pillars: detail.pillars.map((p) => ({ id: p.id, name: p.name })),
    strategicGoals: detail.strategicGoals.map((g) => ({ id: g.id, name: g.name, pillarId: g.pillarId })),
    goals: detail.operationalGoals.map((g) => ({
      id: g.id,
      name: g.name,
      strategicGoalId: g.strategicGoalId,
      isExample: g.isExample,
      indicator: g.indicator,
      area: g.area,
      indicatorName: g.indicatorName,
      unit: g.unit,
      decimals: g.decimals,
      areaName: g.areaName,
      baseline: g.baseline,
      baselineDate: g.baselineDate,
      targetKind: g.targetKind,
      target: g.target,
      targetDate: g.targetDate,
      status: g.status,
      statusReason: g.statusReason,
      latest: g.latest ? { period: g.latest.period, value: g.latest.value } : null,
    })),
    activities: activities.map((a) => ({
      id: a.id,
      name: a.name,
      ownerOrganisationName: a.owner.organisationName,
      partnerOrganisationNames: a.partners.map((p) => p.name),
      status: a.status,
      progress: a.progress,
      start: a.start,
      end: a.end,
      pillarIds: pillarsByActivity.get(a.id) ?? [],
    })),
  };
}
