import { UserError } from '@modeshift/core';

const CREDENTIALS_REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'AuthFailure',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'RequestExpired',
]);
const FORBIDDEN = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ETIMEDOUT']);

interface SdkError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const nameOf = (error: unknown): string => {
  const { name, code } = (error ?? {}) as SdkError;
  return typeof name === 'string' && name !== 'Error' ? name : typeof code === 'string' ? code : 'Error';
};

export function isForbidden(error: unknown): boolean {
  return FORBIDDEN.has(nameOf(error));
}

export function isNotFound(error: unknown): boolean {
  return nameOf(error) === 'ResourceNotFoundException';
}

const MISSING_CREDENTIALS = 'No AWS credentials found: pass --profile or set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.';

/**
 * One sentence for everything that is not "forbidden" or "not found". Messages from AWS are kept only
 * where they cannot echo request details: signature errors can quote the string that was signed.
 */
export function awsUserError(error: unknown, service: 'EKS' | 'EC2' | 'AWS Price List', where: string, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof UserError) return error;
  const name = nameOf(error);
  const code = (error as SdkError | undefined)?.code;
  const raw = (error as SdkError | undefined)?.message;
  const message = (typeof raw === 'string' ? raw : '').split('\n')[0] ?? '';
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return new UserError('api', MISSING_CREDENTIALS);
  }
  if (CREDENTIALS_REJECTED.has(name)) {
    return new UserError('api', `AWS rejected the credentials (${name}) calling ${service} in ${where}: refresh them or choose another profile.`);
  }
  if (/region is missing/i.test(message)) {
    return new UserError('usage', 'No AWS region: pass --region, set AWS_REGION, or use a kube context named by an EKS cluster ARN.');
  }
  if (name === 'TimeoutError' || (typeof code === 'string' && UNREACHABLE.has(code)) || UNREACHABLE.has(name)) {
    return new UserError(
      'api',
      `Cannot reach the ${service} API (${where}): ${name === 'TimeoutError' ? 'no answer in time' : typeof code === 'string' ? code : name}.`,
    );
  }
  return new UserError('api', `The ${service} API (${where}) failed: ${name}${message ? `: ${message.slice(0, 200)}` : ''}`);
}

export { MISSING_CREDENTIALS };
