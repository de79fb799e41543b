/**
 * React and Ink pick their build from NODE_ENV when first imported, and an unset NODE_ENV means the
 * development build, whose extra checks made each key 10–30 % slower on a 20,000-workload plan. Call
 * this before importing either; a NODE_ENV the user set is kept.
 *
 * Returns a copy of the environment as it was before, for the commands the wizard runs on the user's
 * behalf (verify commands, collect): a shell script or a Node tool run from the wizard must not find a
 * NODE_ENV the user never set.
 */
export function preferProductionReact(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const before = { ...env };
  if (env.NODE_ENV === undefined) env.NODE_ENV = 'production';
  return before;
}
