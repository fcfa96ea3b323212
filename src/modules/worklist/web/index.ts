import type { WebModule } from '../../../platform/web/web-module';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/** The personal worklist: no pages of its own; the start page (platform HomePage) shows WorklistPanel. */
export const worklistWebModule: WebModule = {
  namespace: 'worklist',
  translations: { nl, en },
  routes: [],
  nav: [],
};

/** The caller's worklist in sections (te laat, binnenkort, wacht op jou, signaleringen, recent gewijzigd). */
export { WorklistPanel } from './WorklistPanel';
/** The query key of the worklist, for code that changes something on it and wants it read again. */
export { WORKLIST_QUERY_KEY } from './worklist-api';
