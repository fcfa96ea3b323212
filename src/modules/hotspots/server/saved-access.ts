import type { Kysely, Transaction } from 'kysely';
import type { Actor, Database } from '../../../platform/server/index.js';
import { signalAccessChecker } from '../../signals/index.js';
import type { SavedAnalysisRow } from './hotspots.queries.js';

/**
 * Who may open a saved analysis (docs/hotspots.md, "Privacy"):
 *  - an indicator-based one: every holder of hotspots.run (public CBS figures, no person data);
 *  - a signal-based one: only who may see every signal it was made from, decided by the signals module
 *    on the need-to-know facts stored with it. Not the whole organisation of its author: a colleague
 *    with a lower clearance or another area scope may not see those signals, and the counts, z-scores
 *    and the author's note come from them. Nor only the author: it is saved to be cited as evidence, and
 *    whoever may see all of its signals could compute it themselves;
 *  - a signal-based one saved before those facts were kept: only its author.
 */
export async function savedAnalysisAccess(db: Kysely<Database> | Transaction<Database>, actor: Actor): Promise<(row: Pick<SavedAnalysisRow, 'source_kind' | 'signal_access' | 'created_by'>) => boolean> {
  const maySeeSignals = await signalAccessChecker(db, actor);
  return (row) => {
    if (row.source_kind === 'indicator') return true;
    if (row.signal_access === null || row.signal_access === undefined) return row.created_by === actor.userId;
    return maySeeSignals(row.signal_access);
  };
}
