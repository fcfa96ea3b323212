// A local ESLint rule for the module boundaries of DESIGN.md (convention 8). It resolves each relative
// import against the importing file, so `../auth/server/x.js` and `../../modules/auth/server/x.js` are
// judged alike:
//  - module X is reached from outside only through src/modules/X/index.ts (server side),
//    contract.ts (shapes shared with the web) or web/index.ts (pages);
//  - modules reach the platform's server side only through src/platform/server/index.ts;
//  - web and shared code (…/web/**, src/platform/shared/**, contract.ts) never import server code.
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SERVER_PACKAGES = /^(fastify|kysely|pg|pino|@electric-sql\/.*|@fastify\/.*|@node-rs\/.*|otplib)(\/|$)/;
const stripExt = (p) => p.replace(/\.(js|ts|tsx|mjs)$/, '');

function classify(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const moduleMatch = /^src\/modules\/([^/]+)\/(.*)$/.exec(rel);
  const isWeb = /^src\/(.*\/)?web\//.test(rel) || rel.startsWith('src/platform/shared/') || /^src\/modules\/[^/]+\/contract\.ts$/.test(rel);
  return { rel, module: moduleMatch?.[1] ?? null, inner: moduleMatch?.[2] ?? null, isWeb };
}

function problemFor(from, source) {
  if (!source.startsWith('.')) {
    return from.isWeb && SERVER_PACKAGES.test(source) ? `Web code must not use the server package "${source}".` : null;
  }
  const target = classify(path.resolve(path.dirname(path.join(root, from.rel)), source));
  const inner = target.inner === null ? null : stripExt(target.inner);
  if (from.isWeb && (/(^|\/)server(\/|$)/.test(target.rel) || (target.module && inner === 'index'))) {
    return `Web and shared code must not import server code (${target.rel}).`;
  }
  if (target.module && target.module !== from.module && !['index', 'contract', 'web/index'].includes(inner ?? '')) {
    return `Import module "${target.module}" only through its index.ts, contract.ts or web/index.ts (not ${target.rel}).`;
  }
  if (from.module && target.rel.startsWith('src/platform/server/') && stripExt(target.rel) !== 'src/platform/server/index') {
    return `Modules use the platform through src/platform/server/index.ts (not ${target.rel}).`;
  }
  return null;
}

export default {
  rules: {
    'module-boundaries': {
      meta: { type: 'problem', schema: [], docs: { description: 'Keep module and web/server boundaries' } },
      create(context) {
        const from = classify(context.filename);
        if (!from.rel.startsWith('src/')) return {};
        const check = (node, sourceNode) => {
          if (!sourceNode || typeof sourceNode.value !== 'string') return;
          const message = problemFor(from, sourceNode.value);
          if (message) context.report({ node, message });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source),
        };
      },
    },
  },
};
