import { generate, generateSecret, generateURI, verify } from 'otplib';

// One 30-second step either side: tolerates clock drift of a phone without widening the window much.
const EPOCH_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Wijkregie', label: username, secret });
}

/**
 * The time step of the code when it is valid at `now` (within the tolerance) and later than `afterStep`,
 * the last step accepted for this user; null otherwise. The caller must then record the step with a
 * conditional write (claimTotpStep in the auth module), so a code cannot be used twice even concurrently.
 */
export async function verifyTotp(secret: string, token: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  // TOTP results carry the matched time step; the union type also covers HOTP, which has none.
  return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null;
}

/** For tests and the CLI: the code an authenticator app would show at `now`. */
export function currentTotp(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
