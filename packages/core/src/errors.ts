/**
 * Errors a user can cause and fix: bad flags, unreadable or invalid input, an unreachable API.
 * They travel as values to the CLI edge, which prints the message (never a stack) and maps the kind
 * to the contract's exit code in one place.
 */
export type UserErrorKind = 'usage' | 'input' | 'api';

export class UserError extends Error {
  constructor(
    readonly kind: UserErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function exitCodeFor(kind: UserErrorKind): 2 | 3 {
  switch (kind) {
    case 'usage':
    case 'input':
      return 2;
    case 'api':
      return 3;
  }
}
