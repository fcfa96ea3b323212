import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Spatial-safety advice: where an advice is needed, the omgevingsscan per discipline, the advice; the checklist versions. */
export const spatialadviceWebModule: WebModule = {
  namespace: 'spatialadvice',
  translations: { nl, en },
  routes: [
    { path: '/veiligheidsadvies', permission: 'spatialadvice.read', Component: lazy(() => import('./AdviceListPage/AdviceListPage')) },
    { path: '/veiligheidsadvies/checklist', permission: 'spatialadvice.read', Component: lazy(() => import('./ChecklistPage/ChecklistPage')) },
    { path: '/veiligheidsadvies/scans/:id', permission: 'spatialadvice.read', Component: lazy(() => import('./ScanPage/ScanPage')) },
  ],
  nav: [{ to: '/veiligheidsadvies', group: 'signals', labelKey: 'spatialadvice:nav.advice', descriptionKey: 'spatialadvice:nav.adviceDescription', permission: 'spatialadvice.read' }],
};

/** For the area profile and the programme page: the advices of this area or programme, with a link to them. */
export { SpatialAdviceSection } from './components/SpatialAdviceSection';
