import type * as OpenIdClient from 'openid-client';
import { constantTimeEqual, type OidcConfig } from '../../../platform/server/index.js';
import type { OidcFailureReason } from '../contract.js';

/**
 * The relying party of OIDC login: authorization code flow with PKCE (S256), state and nonce, on
 * openid-client. It holds no per-login state: the caller keeps the flow (in a sealed cookie) and hands
 * it back with the callback.
 */

/** How long a login may take from the redirect to the identity provider until the callback. */
export const OIDC_FLOW_MINUTES = 10;
// Discovery, token and userinfo requests: a provider that hangs must not hold a login (or a worker) for long.
const REQUEST_TIMEOUT_SECONDS = 10;

type Client = typeof OpenIdClient;
let loading: Promise<Client> | undefined;

/** openid-client, loaded at the first OIDC login: it costs the server about 8 MB, and most run without OIDC. */
function openIdClient(): Promise<Client> {
  loading ??= import('openid-client');
  return loading;
}

/** What one login needs to remember between the redirect and the callback. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Who the identity provider says logged in, after every check passed. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** The value of the configured username claim, when the provider sent one as a string. */
  username: string | null;
  /** Authentication methods the provider reports (`amr`), for the MFA rule. */
  amr: string[];
}

/** A login that cannot go on; `detail` is for the log only (an error code, never a claim value). */
export class OidcFailure extends Error {
  constructor(
    readonly reason: OidcFailureReason,
    readonly detail: string = reason,
  ) {
    super(`OIDC login failed: ${reason}`);
    this.name = 'OidcFailure';
  }
}

export class OidcRelyingParty {
  #configuration: Promise<OpenIdClient.Configuration> | null = null;

  constructor(readonly settings: OidcConfig) {}

  /** The provider's metadata, fetched at the first login and kept; a failed fetch is tried again next time. */
  async #config(): Promise<OpenIdClient.Configuration> {
    const client = await openIdClient();
    if (!this.#configuration) {
      const pending = this.#discover();
      this.#configuration = pending;
      pending.catch(() => {
        if (this.#configuration === pending) this.#configuration = null;
      });
    }
    try {
      return await this.#configuration;
    } catch (error) {
      throw new OidcFailure('unavailable', `discovery: ${errorCode(client, error instanceof TypeError && error.cause ? error.cause : error)}`);
    }
  }

  async #discover(): Promise<OpenIdClient.Configuration> {
    const client = await openIdClient();
    const { issuer, clientId, clientSecret, allowInsecureRequests } = this.settings;
    const discovered = await client.discovery(new URL(issuer), clientId, undefined, client.None(), {
      execute: allowInsecureRequests ? [client.allowInsecureRequests] : [],
      timeout: REQUEST_TIMEOUT_SECONDS,
    });
    const server = discovered.serverMetadata();
    // client_secret_basic is OIDC's default; a provider that lists only client_secret_post gets that.
    const methods = server.token_endpoint_auth_methods_supported;
    const auth = !methods || methods.includes('client_secret_basic') ? client.ClientSecretBasic(clientSecret) : client.ClientSecretPost(clientSecret);
    const algorithms = server.id_token_signing_alg_values_supported?.filter((alg) => alg !== 'none' && !alg.startsWith('HS'));
    const metadata: Partial<OpenIdClient.ClientMetadata> = { client_secret: clientSecret };
    if (algorithms?.length && !algorithms.includes('RS256')) metadata.id_token_signed_response_alg = algorithms[0];
    const configuration = new client.Configuration(server, clientId, metadata, auth);
    if (allowInsecureRequests) client.allowInsecureRequests(configuration);
    configuration.timeout = REQUEST_TIMEOUT_SECONDS;
    return configuration;
  }

  /** A new flow and the provider's authorization URL for it. */
  async begin(now: Date): Promise<{ url: URL; flow: OidcFlow }> {
    const configuration = await this.#config();
    const client = await openIdClient();
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      expiresAt: now.getTime() + OIDC_FLOW_MINUTES * 60_000,
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      response_type: 'code',
      scope: this.settings.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, flow };
  }

  /**
   * Checks the callback against its flow, redeems the code (with the PKCE verifier) and verifies the ID
   * token (signature, issuer, audience, expiry, nonce). State and the provider's error are checked first,
   * so each failure gets its own reason.
   */
  async complete(flow: OidcFlow, callbackQuery: URLSearchParams): Promise<OidcIdentity> {
    const returnedState = callbackQuery.get('state');
    if (returnedState === null || !constantTimeEqual(returnedState, flow.state)) throw new OidcFailure('state_mismatch');
    const providerError = callbackQuery.get('error');
    if (providerError !== null) throw new OidcFailure('idp_error', `provider: ${knownOAuthError(providerError)}`);
    const configuration = await this.#config();
    const client = await openIdClient();
    // The redirect URI as registered (from PUBLIC_URL), never from the request's Host header.
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = callbackQuery.toString();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(client, error);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcFailure('invalid_response', 'no ID token');
    let username = stringClaim(claims, this.settings.usernameClaim);
    // Many providers put profile claims in the userinfo answer only, not in the ID token.
    if (username === null && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        username = stringClaim(userinfo, this.settings.usernameClaim);
      } catch (error) {
        throw classify(client, error);
      }
    }
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((value): value is string => typeof value === 'string') : [];
    return { issuer: claims.iss, subject: claims.sub, username, amr };
  }
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

// The error codes of OAuth 2.0 and OIDC Core: anything else in `error` is whatever someone put in a URL.
const OAUTH_ERRORS = new Set([
  'access_denied',
  'invalid_request',
  'unauthorized_client',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'interaction_required',
  'login_required',
  'account_selection_required',
  'consent_required',
  'invalid_request_uri',
  'invalid_request_object',
  'request_not_supported',
  'request_uri_not_supported',
  'registration_not_supported',
  // token endpoint
  'invalid_grant',
  'invalid_client',
  'unsupported_grant_type',
]);

function knownOAuthError(code: string): string {
  return OAUTH_ERRORS.has(code) ? code : 'other';
}

/** An error code for the log: openid-client's code or the error's class, never its message (which can echo values). */
function errorCode(client: Client, error: unknown): string {
  if (error instanceof client.ClientError && error.code) return error.code;
  if (error instanceof client.ResponseBodyError) return `${knownOAuthError(error.error)} (HTTP ${error.status})`;
  // Node's network errors carry a code such as ECONNREFUSED or ENOTFOUND.
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(error.code)) return error.code;
  if (error instanceof Error) return error.name;
  return typeof error;
}

function classify(client: Client, error: unknown): OidcFailure {
  if (error instanceof client.AuthorizationResponseError) return new OidcFailure('idp_error', `provider: ${knownOAuthError(error.error)}`);
  // fetch() failing (refused, DNS, TLS) is a TypeError; a timeout an AbortSignal's DOMException.
  if (error instanceof TypeError && error.cause !== undefined) return new OidcFailure('unavailable', `network: ${errorCode(client, error.cause ?? error)}`);
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return new OidcFailure('unavailable', 'timeout');
  if (error instanceof client.ClientError && error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') return new OidcFailure('unavailable', errorCode(client, error));
  return new OidcFailure('invalid_response', errorCode(client, error));
}
