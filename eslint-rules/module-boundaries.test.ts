import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import boundaries from './module-boundaries.js';

const root = path.resolve(import.meta.dirname, '..');
const linter = new Linter({ configType: 'flat' });

function problems(file: string, code: string): string[] {
  return linter
    .verify(code, [{ files: ['**/*.ts', '**/*.tsx'], plugins: { w: boundaries }, rules: { 'w/module-boundaries': 'error' } }], { filename: path.join(root, file) })
    .map((m) => m.message);
}

describe('module-boundaries rule', () => {
  it.each([
    ['src/modules/programmes/server/goals.service.ts', "import { findUsers } from '../../auth/server/users.queries.js';", /only through its index.ts/],
    ['src/modules/programmes/index.ts', "export * from '../auth/server/users.service.js';", /only through its index.ts/],
    ['src/modules/programmes/server/x.ts', "import { withAudit } from '../../../platform/server/audit.js';", /through src\/platform\/server\/index.ts/],
    ['src/modules/programmes/web/Page.tsx', "import { authModule } from '../../auth/index.js';", /must not import server code/],
    ['src/modules/programmes/web/Page.tsx', "import { x } from '../server/programmes.service.js';", /must not import server code/],
    ['src/platform/web/router.tsx', "import { x } from '../server/app.js';", /must not import server code/],
    ['src/modules/programmes/contract.ts', "import { sql } from 'kysely';", /server package "kysely"/],
    ['src/platform/shared/permissions.ts', "import pg from 'pg';", /server package "pg"/],
  ])('refuses %s: %s', (file, code, message) => {
    const found = problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['src/modules/programmes/server/goals.service.ts', "import { createUser } from '../../auth/index.js';"],
    ['src/modules/programmes/web/Page.tsx', "import { CurrentUser } from '../../auth/contract.js';"],
    ['src/platform/web/modules.ts', "import { authWebModule } from '../../modules/auth/web/index.js';"],
    ['src/platform/server/modules.ts', "import { authModule } from '../../modules/auth/index.js';"],
    ['src/modules/programmes/server/goals.service.ts', "import { withAudit } from '../../../platform/server/index.js';"],
    ['src/modules/programmes/server/goals.routes.ts', "import { x } from './goals.service.js';"],
    ['src/modules/programmes/web/Page.tsx', "import { useQuery } from '@tanstack/react-query';"],
  ])('allows %s: %s', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});
