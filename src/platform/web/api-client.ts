/**
 * The one way the web app talks to the server: JSON in, JSON out, errors as ApiProblem.
 *
 * The CSRF token lives only in memory (never in storage a script could read later); it arrives with every
 * SessionResponse, and GET /api/v1/session returns it again after a reload.
 */

import { isFieldErrorCode, type FieldErrorCode, type FieldErrorParams } from '../shared/field-errors';

export interface FieldProblem {
  path: string;
  /** The server's English text, for logs only: the screen words a field error by `code` (i18n/field-error-message.ts). */
  message: string;
  /** Stable code; `invalid` when the server sent none or one this web app does not know. */
  code: FieldErrorCode;
  params: FieldErrorParams;
}

const PROBLEM_PREFIX = 'urn:wijkregie:problem:';

/** An application/problem+json answer (RFC 9457), or a network failure dressed as one. */
export class ApiProblem extends Error {
  readonly status: number;
  /** The part after `urn:wijkregie:problem:`, e.g. `auth.invalid_credentials`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(init: { status: number; code: string; title: string; detail: string; errors?: FieldProblem[]; retryAfterSeconds?: number | null }) {
    super(init.detail || init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The field a field error belongs to: `body.roles.0` → `roles` (the form's field name). */
  static fieldOf(path: string): string {
    return path.split('.').filter((part) => part !== 'body' && part !== 'querystring' && part !== 'params')[0] ?? '';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseParams(value: unknown): FieldErrorParams {
  if (!isRecord(value)) return {};
  const result: FieldErrorParams = {};
  for (const [key, param] of Object.entries(value)) {
    if (typeof param === 'string' || typeof param === 'number' || typeof param === 'boolean') result[key] = param;
  }
  return result;
}

function parseFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  const result: FieldProblem[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string') {
      result.push({ path: item.path, message: item.message, code: isFieldErrorCode(item.code) ? item.code : 'invalid', params: parseParams(item.params) });
    }
  }
  return result;
}

/** Turns any error body into an ApiProblem; a body that is not problem+json still yields a usable one. */
export function parseProblem(status: number, body: unknown, retryAfterHeader: string | null = null): ApiProblem {
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader.trim()) : null;
  if (!isRecord(body)) {
    return new ApiProblem({ status, code: `http_${status}`, title: `HTTP ${status}`, detail: '', retryAfterSeconds: retryAfter });
  }
  const type = typeof body.type === 'string' ? body.type : '';
  const code = type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : `http_${status}`;
  return new ApiProblem({
    status: typeof body.status === 'number' ? body.status : status,
    code,
    title: typeof body.title === 'string' ? body.title : `HTTP ${status}`,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: parseFieldProblems(body.errors),
    retryAfterSeconds: retryAfter,
  });
}

// ---- session-wide state the client needs ----

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** What the app must react to, whichever page made the request. */
export type SessionEvent = 'unauthorized' | 'mfa_enrolment_required';
type SessionListener = (event: SessionEvent) => void;
const sessionListeners = new Set<SessionListener>();

export function onSessionEvent(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function emit(event: SessionEvent): void {
  for (const listener of sessionListeners) listener(event);
}

/** Called when the server says the CSRF token is wrong; returns a fresh one (e.g. by reading the session). */
let csrfRecovery: (() => Promise<string | null>) | null = null;
export function setCsrfRecovery(recover: (() => Promise<string | null>) | null): void {
  csrfRecovery = recover;
}

// ---- requests ----

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Don't announce a 401 to the app (the login form and the session probe expect one). */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

type Fetch = typeof fetch;
let fetchImpl: Fetch = (...args) => globalThis.fetch(...args);

/** For unit tests only. */
export function setFetchForTests(impl: Fetch): void {
  fetchImpl = impl;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text;
}

async function send(method: HttpMethod, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  // A form (a file upload) sets its own multipart content type with the boundary.
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = isForm ? body : JSON.stringify(body);
  if (options.signal) init.signal = options.signal;
  try {
    return await fetchImpl(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({ status: 0, code: 'network', title: 'Network error', detail: '' });
  }
}

export async function apiRequest<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, body, options);
  let parsed = await readBody(response);
  if (!response.ok) {
    let problem = parseProblem(response.status, parsed, response.headers.get('retry-after'));
    // A reload loses the in-memory token: fetch it again once, then repeat the request.
    if (problem.code === 'auth.csrf' && csrfRecovery) {
      const token = await csrfRecovery();
      if (token) {
        csrfToken = token;
        response = await send(method, path, body, options);
        parsed = await readBody(response);
        if (response.ok) return parsed as T;
        problem = parseProblem(response.status, parsed, response.headers.get('retry-after'));
      }
    }
    if (problem.status === 401 && !options.expectUnauthorized) emit('unauthorized');
    // Enrolment or entering the code: either way the session must pass its second factor on /mfa first.
    if (problem.code === 'auth.mfa_enrolment_required' || problem.code === 'auth.mfa_required') emit('mfa_enrolment_required');
    throw problem;
  }
  return parsed as T;
}

/** Builds a query string from the defined, non-empty values only. */
export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body, options),
  /** POST as multipart/form-data (a file upload), with the CSRF header and error handling of every request. */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => apiRequest<T>('POST', path, form, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  delete: (path: string, options?: RequestOptions) => apiRequest<undefined>('DELETE', path, undefined, options),
};
