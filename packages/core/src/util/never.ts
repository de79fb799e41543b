/**
 * The default branch of a switch over a union: the call compiles only when every member has its own
 * case, so a new kind that nobody handles fails to compile instead of being skipped in silence. Reached
 * at run time only with data the types rule out (a hand-edited plan, say), and then it says what it got.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`modeshift: unhandled ${what}: ${JSON.stringify(value)}`);
}
