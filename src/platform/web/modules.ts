import { authWebModule } from '../../modules/auth/web/index';
import { auditWebModule } from '../../modules/audit/web/index';
import { areasWebModule } from '../../modules/areas/web/index';
import { indicatorsWebModule } from '../../modules/indicators/web/index';
import { hotspotsWebModule } from '../../modules/hotspots/web/index';
import { signalsWebModule } from '../../modules/signals/web/index';
import type { WebModule } from './web-module';

/** Every module that has a web part, in menu order. Add a module here when its pages exist. */
export const WEB_MODULES: readonly WebModule[] = [indicatorsWebModule, hotspotsWebModule, areasWebModule, signalsWebModule, authWebModule, auditWebModule];
