import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider (oidc-provider) on a free localhost port, for the OIDC login tests: discovery,
 * authorization with PKCE, token endpoint with client_secret_basic, signed ID tokens, userinfo.
 * Instead of login pages, the test says who logs in next (`nextLogin`), and `authorize()` plays the
 * browser from the authorization URL to the redirect back to Wijkregie.
 */

export interface TestIdpAccount {
  /** Claims besides `sub`, e.g. preferred_username (released with the profile scope). */
  claims: Record<string, unknown>;
}

export interface NextLogin {
  /** The account (`sub`) that logs in; ignored when `error` is set. */
  sub: string;
  /** Authentication methods reported in the ID token's `amr`. */
  amr?: string[];
  /** End the login with this OAuth error instead (e.g. access_denied). */
  error?: string;
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestIdpAccount>;
  nextLogin: NextLogin;
  /** Follows the authorization URL through the provider, as a fresh browser; returns the redirect back to the client. */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startTestIdp(options: { redirectUri: string }): Promise<TestIdp> {
  const accounts = new Map<string, TestIdpAccount>();
  const clientId = 'wijkregie-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // amr is released only when a scope lists it.
    claims: { openid: ['sub', 'amr'], profile: ['preferred_username', 'name'], email: ['email'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account.claims, sub }) } : undefined;
    },
  });

  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    nextLogin: { sub: '' },
    authorize: (url) => playBrowser(url, options.redirectUri),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const handleInteraction = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    const login = idp.nextLogin;
    if (details.prompt.name === 'login') {
      const result = login.error ? { error: login.error, error_description: 'refused by the test' } : { login: { accountId: login.sub, amr: login.amr } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    // Consent: Wijkregie is the municipality's own application, so the test grants what it asks.
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('consent without a login');
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });
  return idp;
}

/** A browser without pages: follows redirects, keeps the provider's cookies, stops at the client's redirect URI. */
async function playBrowser(start: string, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 12; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`The identity provider answered ${response.status} at ${url.pathname}: ${(await response.text()).slice(0, 300)}`);
    }
    url = new URL(location, url);
  }
  throw new Error('Too many redirects at the identity provider');
}
