import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Learning and impact: so far the MKBA calculator (docs/learning.md). */
export const learningWebModule: WebModule = {
  namespace: 'learning',
  translations: { nl, en },
  routes: [
    { path: '/mkba', permission: 'mkba.read', Component: lazy(() => import('./MkbaListPage/MkbaListPage')) },
    { path: '/mkba/:id', permission: 'mkba.read', Component: lazy(() => import('./MkbaPage/MkbaPage')) },
  ],
  nav: [{ to: '/mkba', group: 'planning', labelKey: 'learning:nav.mkba', descriptionKey: 'learning:nav.mkbaDescription', permission: 'mkba.read' }],
};

/** For the goal page (programmes): the MKBAs with a benefit computed from a goal, linked; nothing when none. */
export { GoalMkbaUse } from './components/GoalMkbaUse';
