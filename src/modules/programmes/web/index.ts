import { lazy } from 'react';
import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** Programmes, goals, activities and neighbourhood plans. Pages load on first visit. */
export const programmesWebModule: WebModule = {
  namespace: 'programmes',
  translations: { nl, en },
  routes: [
    { path: '/programmas', permission: 'programmes.read', Component: lazy(() => import('./ProgrammeListPage/ProgrammeListPage')) },
    { path: '/programmas/nieuw', permission: 'programmes.manage', Component: lazy(() => import('./ProgrammeFormPage/ProgrammeFormPage')) },
    { path: '/programmas/:id', permission: 'programmes.read', Component: lazy(() => import('./ProgrammePage/ProgrammePage')) },
    { path: '/programmas/:id/bewerken', permission: 'programmes.manage', Component: lazy(() => import('./ProgrammeFormPage/ProgrammeFormPage')) },
    { path: '/programmas/:id/doelen/nieuw', permission: 'programmes.manage', Component: lazy(() => import('./GoalFormPage/GoalFormPage')) },
    { path: '/programmas/:id/doelen/:goalId', permission: 'programmes.read', Component: lazy(() => import('./GoalPage/GoalPage')) },
    { path: '/programmas/:id/doelen/:goalId/bewerken', permission: 'programmes.manage', Component: lazy(() => import('./GoalFormPage/GoalFormPage')) },
    { path: '/programmas/:id/activiteiten', permission: 'programmes.read', Component: lazy(() => import('./ActivitiesPage/ActivitiesPage')) },
    { path: '/programmas/:id/activiteiten/nieuw', permission: 'programmes.manage', Component: lazy(() => import('./ActivityFormPage/ActivityFormPage')) },
    { path: '/activiteiten', permission: 'programmes.read', Component: lazy(() => import('./AreaActivitiesPage/AreaActivitiesPage')) },
    { path: '/activiteiten/:id', permission: 'programmes.read', Component: lazy(() => import('./ActivityPage/ActivityPage')) },
    { path: '/activiteiten/:activityId/bewerken', permission: 'programmes.manage', Component: lazy(() => import('./ActivityFormPage/ActivityFormPage')) },
    { path: '/wijkplannen', permission: 'programmes.read', Component: lazy(() => import('./PlansPage/PlansPage')) },
    { path: '/wijkplannen/:id', permission: 'programmes.read', Component: lazy(() => import('./PlanPage/PlanPage')) },
  ],
  nav: [
    { to: '/programmas', group: 'planning', labelKey: 'programmes:nav.programmes', descriptionKey: 'programmes:nav.programmesDescription', permission: 'programmes.read' },
    { to: '/wijkplannen', group: 'planning', labelKey: 'programmes:nav.plans', descriptionKey: 'programmes:nav.plansDescription', permission: 'programmes.read' },
  ],
};
