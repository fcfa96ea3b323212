import { authModule } from '../../modules/auth/index.js';
import { auditModule } from '../../modules/audit/index.js';
import { areasModule } from '../../modules/areas/index.js';
import { indicatorsModule } from '../../modules/indicators/index.js';
import { meetingsModule } from '../../modules/meetings/index.js';
import { programmesModule } from '../../modules/programmes/index.js';
import { financeModule } from '../../modules/finance/index.js';
import { signalsModule } from '../../modules/signals/index.js';
import { hotspotsModule } from '../../modules/hotspots/index.js';
import { reportsModule } from '../../modules/reports/index.js';
import { siteModule } from '../../modules/site/index.js';
import { worklistModule } from '../../modules/worklist/index.js';
import { notificationsModule } from '../../modules/notifications/index.js';
import { learningModule } from '../../modules/learning/index.js';
import { initiativesModule } from '../../modules/initiatives/index.js';
import { surveyModule } from '../../modules/survey/index.js';
import { publicpagesModule } from '../../modules/publicpages/index.js';
import { newsletterModule } from '../../modules/newsletter/index.js';
import { evaluationModule } from '../../modules/evaluation/index.js';
import { circleModule } from '../../modules/circle/index.js';
import { spatialAdviceModule } from '../../modules/spatialadvice/index.js';
import type { ServerModule } from './server-module.js';

/** The modules this build serves, in the order their demo data is seeded. */
export const SERVER_MODULES: readonly ServerModule[] = [authModule, auditModule, indicatorsModule, areasModule, programmesModule, meetingsModule, financeModule, signalsModule, hotspotsModule, reportsModule, siteModule, worklistModule, notificationsModule, learningModule, initiativesModule, surveyModule, publicpagesModule, newsletterModule, evaluationModule, circleModule, spatialAdviceModule];
