import type { FastifyInstance } from 'fastify';
import type { ServerModule } from '../../platform/server/index.js';
import { areasRoutes } from './server/areas.routes.js';
import { focusAreasRoutes } from './server/focus-areas.routes.js';
import { seedDemoFocusAreas } from './server/demo-focus-areas.js';

/** The area hierarchy gemeente > wijk > buurt per year, with boundaries, and focus areas. */
export const areasModule: ServerModule = {
  name: 'areas',
  routes: async (app: FastifyInstance) => {
    await areasRoutes(app);
    await focusAreasRoutes(app);
  },
  seedDemo: seedDemoFocusAreas,
};

// What other modules (indicators: profiles, series, rankings) may ask about areas.
export {
  findAreaForFigures,
  findAreasOfLevel,
  findChildAreasOf,
  findAreaPolygons,
  findBoundaryYearsOf,
  boundaryYearIn,
  type FigureArea,
  type VersionMark,
} from './server/area-lookup.service.js';
// What the signals module needs to place a signal: point in polygon, or a named buurt or wijk.
export { findBuurtContainingPoint, findBuurtOrWijk, findAreaNames, type PlacedArea } from './server/point-lookup.service.js';
// What the initiatives module needs to offer the buurten and wijken a programme covers through a focus area.
export { findFocusAreaMembers } from './server/focus-members.service.js';
// What the spatial-advice module offers in its area picker (then narrowed to the actor's own scope).
export { listAreas } from './server/areas.service.js';
