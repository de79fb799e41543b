import http from 'node:http';
import https from 'node:https';
import { UserError } from '@modeshift/core';
import { backoffDelay, parseRetryAfter, sleep, withTimeout, type RetryPolicy } from '../util/backoff.js';
import type { Limiter } from '../util/limiter.js';
import type { Waiting } from '../util/waiting.js';
import type { KubeTarget } from './kubeconfig.js';

/** Why an attempt was aborted by its own timer (rather than by the collect's signal). */
class AttemptTimeout extends Error {
  override name = 'TimeoutError';
}

/** Statuses a caller decides about; everything else either succeeds, is retried, or ends the collect. */
export type KubeResult = { ok: true; body: unknown } | { ok: false; status: 403 | 404 | 410; message: string };

export interface TransportOptions {
  timeoutMs: number;
  policy: RetryPolicy;
  limiter: Limiter;
  signal: AbortSignal;
  /** Where every request, with its retries, is registered while it lasts. */
  waiting: Waiting;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

// Nothing a retry can fix: the name does not resolve, nobody listens, or the certificate is wrong.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

function statusMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    // not a Status object
  }
  return body.slice(0, 120).trim();
}

/**
 * GETs against the API server with the kubeconfig's credentials (client-node resolves tokens, client
 * certificates and exec plugins such as `aws eks get-token`). Requests are made here rather than through
 * the generated clients because listing Secrets needs a metadata-only Accept header, and because every
 * request needs the same timeout, retry and error mapping. Only GET is ever sent.
 */
export class KubeTransport {
  private auth: https.RequestOptions | undefined;
  private reached = false;

  constructor(
    private readonly target: KubeTarget,
    private readonly options: TransportOptions,
  ) {}

  private async authenticate(): Promise<https.RequestOptions> {
    const opts: https.RequestOptions = {};
    try {
      await withTimeout(
        this.target.config.applyToHTTPSOptions(opts),
        this.options.timeoutMs,
        () => new Error(`the credential plugin did not answer within ${this.options.timeoutMs / 1000} s`),
      );
    } catch (error) {
      throw new UserError('api', `Could not get credentials for context "${this.target.context}": ${firstLine(error)}`);
    }
    return opts;
  }

  /**
   * One attempt, ended by its own timer or by the collect's signal, whichever comes first. The timer is
   * a plain setTimeout held here and cleared in `finally`: an AbortSignal.timeout combined through
   * AbortSignal.any can be garbage-collected while the request waits, and then never fires.
   */
  private async once(url: URL, accept: string, timeoutMs: number): Promise<RawResponse> {
    const auth = this.auth ?? {};
    const lib = url.protocol === 'http:' ? http : https;
    const outer = this.options.signal;
    outer.throwIfAborted();
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(new AttemptTimeout()), timeoutMs);
    const onOuterAbort = () => attempt.abort(outer.reason);
    outer.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await new Promise<RawResponse>((resolve, reject) => {
        const request = lib.request(
          url,
          { ...auth, method: 'GET', headers: { ...auth.headers, Accept: accept }, signal: attempt.signal },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            // A body cut off (by our own timer among others) ends in 'close' without 'end'.
            response.on('close', () => {
              if (!response.complete) reject(attempt.signal.aborted ? (attempt.signal.reason as unknown) : new Error('the connection closed before the answer was complete'));
            });
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
            );
          },
        );
        request.on('error', reject);
        request.end();
      });
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onOuterAbort);
    }
  }

  private unreachable(reason: string): UserError {
    return new UserError('api', `Cannot reach the Kubernetes API server at ${this.target.server} (context "${this.target.context}"): ${reason}.`);
  }

  /** Turns a transport failure into a fatal UserError, or returns a reason worth retrying. */
  private classify(error: unknown, timeoutMs: number): string {
    if (this.options.signal.aborted) throw this.options.signal.reason;
    const code = (error as { code?: unknown }).code;
    const name = (error as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') {
      if (!this.reached) throw this.unreachable(`no answer within ${timeoutMs / 1000} s`);
      return `no answer within ${timeoutMs / 1000} s`;
    }
    if (typeof code === 'string' && UNREACHABLE.has(code)) throw this.unreachable(code === 'ECONNREFUSED' ? 'connection refused' : code);
    if (typeof code === 'string' && (code.includes('CERT') || code.startsWith('ERR_TLS') || code.includes('SELF_SIGNED'))) {
      throw new UserError('api', `TLS verification of ${this.target.server} failed (${code}): check the cluster's certificate-authority-data.`);
    }
    if (!this.reached) throw this.unreachable(firstLine(error));
    return firstLine(error);
  }

  /** `about` names what the request is for (a kind, discovery) when a deadline reports what it waited for. */
  get(about: string, path: string, query: Record<string, string | number | undefined> = {}, accept = 'application/json'): Promise<KubeResult> {
    return this.options.waiting.around(`${about} (GET ${path})`, () => this.getWithRetries(path, query, accept));
  }

  private async getWithRetries(path: string, query: Record<string, string | number | undefined>, accept: string): Promise<KubeResult> {
    const url = new URL(this.target.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const what = `GET ${path}`;
    const { policy } = this.options;
    let reauthenticated = false;
    let lastProblem = '';
    this.auth ??= await this.authenticate();
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
      // Until the server has answered once, fail fast: an unreachable server must not cost retries.
      const timeoutMs = this.reached ? this.options.timeoutMs : Math.min(this.options.timeoutMs, 10_000);
      let response: RawResponse;
      try {
        response = await this.options.limiter.run(() => this.once(url, accept, timeoutMs));
      } catch (error) {
        lastProblem = this.classify(error, timeoutMs);
        if (attempt < policy.attempts) await sleep(backoffDelay(attempt, policy), this.options.signal);
        continue;
      }
      this.reached = true;
      const { status } = response;
      if (status >= 200 && status < 300) {
        try {
          return { ok: true, body: JSON.parse(response.body) as unknown };
        } catch {
          throw new UserError('api', `The Kubernetes API server answered ${what} with something that is not JSON.`);
        }
      }
      if (status === 401 && !reauthenticated) {
        // Exec-plugin tokens expire (EKS: 15 minutes); one fresh token is worth a retry, a second 401 is not.
        reauthenticated = true;
        this.auth = await this.authenticate();
        attempt--;
        continue;
      }
      if (status === 401) {
        throw new UserError('api', `The Kubernetes API server rejected the credentials of context "${this.target.context}" (HTTP 401).`);
      }
      if (status === 403 || status === 404 || status === 410) return { ok: false, status, message: statusMessage(response.body) };
      if (status === 429 || status >= 500) {
        lastProblem = `HTTP ${status}`;
        if (attempt < policy.attempts) {
          await sleep(backoffDelay(attempt, policy, parseRetryAfter(response.headers['retry-after'])), this.options.signal);
        }
        continue;
      }
      throw new UserError('api', `The Kubernetes API server answered HTTP ${status} to ${what}: ${statusMessage(response.body)}`);
    }
    throw new UserError('api', `The Kubernetes API server kept failing ${what} (${lastProblem}) after ${policy.attempts} attempts.`);
  }
}
