import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { PUBLIC_AREAS_PATH, PUBLIC_LESSONS_PATH } from './public-paths';

/** The public area pages for residents, open to anyone without logging in (docs/publicpages.md). */
export const publicpagesWebModule: WebModule = {
  namespace: 'publicpages',
  translations: { nl, en },
  routes: [],
  nav: [],
  publicRoutes: [
    { path: PUBLIC_AREAS_PATH, Component: lazy(() => import('./PublicAreasPage/PublicAreasPage')), footerLabelKey: 'publicpages:footer.areas' },
    { path: PUBLIC_LESSONS_PATH, Component: lazy(() => import('./PublicLessonsPage/PublicLessonsPage')) },
    { path: `${PUBLIC_AREAS_PATH}/:areaCode`, Component: lazy(() => import('./PublicAreaPage/PublicAreaPage')) },
  ],
};

/** The public page of an area, for modules that link it (the programme page). */
export { publicAreaPath, PUBLIC_AREAS_PATH } from './public-paths';
