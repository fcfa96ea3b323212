import type { AppConfig } from './config.js';

/**
 * Logger settings: JSON lines (pino escapes newlines and control characters, so a hostile value cannot
 * forge a line), no query strings, no credentials, and errors without their message text, because
 * database messages can echo the values of a request (SECURITY.md 9).
 */
export function loggerOptions(config: Pick<AppConfig, 'logLevel'>) {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string }) => ({
        type: err.name,
        message: '(omitted: may hold request values)',
        code: err.code,
        stack: (err.stack ?? '').split('\n').slice(1, 12).map((line) => line.trim()).join(' | '),
      }),
    },
  };
}

export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
