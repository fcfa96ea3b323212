import { generate, generateSecret, generateURI, verify } from 'otplib';

// One 30-second step either side: tolerates clock drift of a phone without widening the window much.
const EPOCH_TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Wijkregie', label: username, secret });
}

export async function verifyTotp(secret: string, token: string, now: Date): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: EPOCH_TOLERANCE_SECONDS });
  return result.valid;
}

/** For tests and the CLI: the code an authenticator app would show at `now`. */
export function currentTotp(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
