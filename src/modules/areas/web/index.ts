import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The area hierarchy and focus areas. The area profile itself is the indicators module's page. */
export const areasWebModule: WebModule = {
  namespace: 'areas',
  translations: { nl, en },
  routes: [{ path: '/gebieden', permission: 'areas.read', Component: lazy(() => import('./AreasPage/AreasPage')) }],
  nav: [{ to: '/gebieden', group: 'figures', labelKey: 'areas:nav.areas', descriptionKey: 'areas:nav.areasDescription', permission: 'areas.read' }],
};

/** The municipalities to choose from by name (forms that plan in a municipality: programmes, meetings). */
export { useMunicipalityChoices, type MunicipalityChoice } from './municipality-choices';
