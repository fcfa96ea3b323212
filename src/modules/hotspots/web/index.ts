import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Hot-spot analysis: run, read on the map, save as evidence; saved analyses reopen by id. */
export const hotspotsWebModule: WebModule = {
  namespace: 'hotspots',
  translations: { nl, en },
  routes: [
    { path: '/hotspots', permission: 'hotspots.run', Component: lazy(() => import('./HotspotPage/HotspotPage')) },
    { path: '/hotspots/:id', permission: 'hotspots.run', Component: lazy(() => import('./SavedHotspotPage/SavedHotspotPage')) },
  ],
  nav: [{ to: '/hotspots', group: 'signals', labelKey: 'hotspots:nav.hotspots', descriptionKey: 'hotspots:nav.hotspotsDescription', permission: 'hotspots.run' }],
};
