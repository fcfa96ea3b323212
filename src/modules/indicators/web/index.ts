import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The information position: map, area profiles, priority ranking and imports. Pages load on first visit. */
export const indicatorsWebModule: WebModule = {
  namespace: 'indicators',
  translations: { nl, en },
  routes: [
    { path: '/kaart', permission: 'indicators.read', Component: lazy(() => import('./MapPage/MapPage')) },
    { path: '/gebieden/:code', permission: 'indicators.read', Component: lazy(() => import('./AreaProfilePage/AreaProfilePage')) },
    { path: '/afwegingskader', permission: 'rankings.manage', Component: lazy(() => import('./RankingPage/RankingPage')) },
    { path: '/afwegingskader/:id', permission: 'rankings.manage', Component: lazy(() => import('./RankingPage/SavedRankingPage')) },
    { path: '/import', permission: 'imports.run', Component: lazy(() => import('./ImportPage/ImportPage')) },
  ],
  nav: [
    { to: '/kaart', group: 'figures', labelKey: 'indicators:nav.map', descriptionKey: 'indicators:nav.mapDescription', permission: 'indicators.read' },
    { to: '/afwegingskader', group: 'figures', labelKey: 'indicators:nav.ranking', descriptionKey: 'indicators:nav.rankingDescription', permission: 'rankings.manage' },
    { to: '/import', group: 'figures', labelKey: 'indicators:nav.import', descriptionKey: 'indicators:nav.importDescription', permission: 'imports.run' },
  ],
};
