import { meetingsWebModule } from '../../modules/meetings/web/index';
import { programmesWebModule } from '../../modules/programmes/web/index';
import { financeWebModule } from '../../modules/finance/web/index';
import { reportsWebModule } from '../../modules/reports/web/index';
import { indicatorsWebModule } from '../../modules/indicators/web/index';
import { areasWebModule } from '../../modules/areas/web/index';
import { signalsWebModule } from '../../modules/signals/web/index';
import { hotspotsWebModule } from '../../modules/hotspots/web/index';
import { learningWebModule } from '../../modules/learning/web/index';
import { evaluationWebModule } from '../../modules/evaluation/web/index';
import { authWebModule } from '../../modules/auth/web/index';
import { auditWebModule } from '../../modules/audit/web/index';
import { siteWebModule } from '../../modules/site/web/index';
import { worklistWebModule } from '../../modules/worklist/web/index';
import { notificationsWebModule } from '../../modules/notifications/web/index';
import { initiativesWebModule } from '../../modules/initiatives/web/index';
import { surveyWebModule } from '../../modules/survey/web/index';
import { publicpagesWebModule } from '../../modules/publicpages/web/index';
import { newsletterWebModule } from '../../modules/newsletter/web/index';
import { circleWebModule } from '../../modules/circle/web/index';
import { spatialadviceWebModule } from '../../modules/spatialadvice/web/index';
import type { WebModule } from './web-module';

/** Every module that has a web part, in menu order. Add a module here when its pages exist. */
export const WEB_MODULES: readonly WebModule[] = [meetingsWebModule, programmesWebModule, financeWebModule, initiativesWebModule, reportsWebModule, learningWebModule, evaluationWebModule, circleWebModule, indicatorsWebModule, areasWebModule, signalsWebModule, hotspotsWebModule, spatialadviceWebModule, authWebModule, auditWebModule, siteWebModule, worklistWebModule, notificationsWebModule, surveyWebModule, publicpagesWebModule, newsletterWebModule];
