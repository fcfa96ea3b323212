/**
 * The rate limits count per clock minute (src/platform/server/shared-rate-limit.ts): a burst of requests that
 * straddles two minutes is counted in two windows and may never reach the limit. A test that sends a burst to
 * see the limit answer first waits, when the current minute has less than `needMs` left, for the next one.
 */
export async function startOfRateLimitWindow(needMs = 20_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
