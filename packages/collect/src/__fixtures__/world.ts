// The test world of this package's own tests: the fake servers playing the recorded cluster.
import { startWorld as startWorldWith, type World, type WorldSetup } from '../testing/world.js';
import { recorded } from './recorded.js';

export { ACCESS_KEY_ID, CONTEXT, kubeconfigYaml, SECRET_ACCESS_KEY, TOKEN, type World } from '../testing/world.js';

export function startWorld(setup: Omit<WorldSetup, 'data'> = {}): Promise<World> {
  return startWorldWith({ ...setup, data: recorded() });
}
