import { spawnSync } from 'node:child_process';

export const R_INSTALL_HINT = 'R with spdep is required for the hot-spot oracle tests: apt-get install -y r-cran-spdep';

/** Runs an R script; fails loudly (never skips) when R or spdep is missing. */
export function runRscript(script: string, args: readonly string[], timeoutMs = 600_000): { stdout: string; seconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync('Rscript', [script, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${R_INSTALL_HINT} (${result.error.message})`);
  if (result.status !== 0) {
    const missing = /there is no package called/.test(result.stderr) ? `${R_INSTALL_HINT}\n` : '';
    throw new Error(`${missing}Rscript ${script} failed with status ${result.status}:\n${result.stderr}`);
  }
  return { stdout: result.stdout, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
