import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from './config.js';
import { inMemoryJobClaims } from './job-claims.js';
import { dueAfterSeconds, startJobs, type JobContext, type ScheduledJob } from './jobs.js';
import { metricsRegistry } from './metrics.js';

const ctx = { db: {} as JobContext['db'], config: {} as AppConfig, now: () => new Date() };
const quiet = { info: vi.fn(), debug: vi.fn(), error: vi.fn() };

afterEach(() => vi.useRealTimers());

describe('startJobs', () => {
  it('runs each job on its interval, at start when asked, and never twice at once', async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    const runs: string[] = [];
    const slow: ScheduledJob = {
      name: 'slow',
      intervalSeconds: 60,
      runAtStart: true,
      run: () => {
        runs.push('slow');
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const fast: ScheduledJob = { name: 'fast', intervalSeconds: 30, run: async () => void runs.push('fast') };
    const jobs = startJobs([slow, fast], ctx, quiet, { startDelayMs: 10 });
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toEqual(['slow']);
    await vi.advanceTimersByTimeAsync(120_000);
    // The slow job is still running: its ticks are skipped, the fast one keeps its own rhythm.
    expect(runs.filter((r) => r === 'slow')).toHaveLength(1);
    expect(runs.filter((r) => r === 'fast')).toHaveLength(4);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs.filter((r) => r === 'slow')).toHaveLength(2);
    const stopping = jobs.stop();
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs.filter((r) => r === 'slow')).toHaveLength(2);
  });

  it('logs a failure and tries again on the next tick', async () => {
    vi.useFakeTimers();
    const log = { info: vi.fn(), debug: vi.fn(), error: vi.fn() };
    let calls = 0;
    const jobs = startJobs([{ name: 'flaky', intervalSeconds: 1, run: async () => { calls += 1; if (calls === 1) throw new Error('boom'); } }], ctx, log);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledTimes(1);
    await jobs.stop();
  });
});

describe('several processes', () => {
  it('run a job once per interval between them, asking every minute, and take over when one stops', async () => {
    vi.useFakeTimers();
    const claims = inMemoryJobClaims();
    const runs: string[] = [];
    const job = (who: string): ScheduledJob => ({ name: 'hourly', intervalSeconds: 3600, runAtStart: true, run: async () => void runs.push(who) });
    const first = startJobs([job('first')], ctx, quiet, { claims, startDelayMs: 1_000 });
    const second = startJobs([job('second')], ctx, quiet, { claims, startDelayMs: 1_500 });
    await vi.advanceTimersByTimeAsync(2 * 3600_000);
    expect(runs).toEqual(['first', 'first', 'first']);
    await first.stop();
    // The second asks every minute, so it runs at most a minute after the job is due.
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(runs).toEqual(['first', 'first', 'first', 'second']);
    await second.stop();
  });

  it('tolerate a tick a little early without skipping a whole interval', () => {
    expect(dueAfterSeconds(3600)).toBe(3595);
    expect(dueAfterSeconds(10)).toBe(9);
  });
});

describe('job metrics', () => {
  it('counts runs and failures per job and keeps the last duration', async () => {
    vi.useFakeTimers();
    const value = async (name: string, job: string) =>
      (await metricsRegistry.getSingleMetric(name)?.get())?.values.find((v) => v.labels.job === job)?.value;
    let calls = 0;
    const jobs = startJobs([{ name: 'metered', intervalSeconds: 1, run: async () => { calls += 1; if (calls === 2) throw new Error('boom'); } }], ctx, quiet);
    await vi.advanceTimersByTimeAsync(3_000);
    await jobs.stop();
    expect(calls).toBe(3);
    expect(await value('wijkregie_job_runs_total', 'metered')).toBe(3);
    expect(await value('wijkregie_job_failures_total', 'metered')).toBe(1);
    expect(await value('wijkregie_job_last_duration_seconds', 'metered')).toBeGreaterThanOrEqual(0);
    expect(await value('wijkregie_job_last_success_timestamp_seconds', 'metered')).toBeGreaterThan(0);
  });
});
