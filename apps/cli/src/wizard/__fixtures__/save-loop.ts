// Saves a growing progress state in a tight loop until killed; the state-file test kills it mid-write.
import { saveState, type ProgressState } from '../state-file.js';

const path = process.argv[2]!;
const state: ProgressState = {
  kind: 'modeshift-progress',
  version: 1,
  planFingerprint: 'x',
  planSteps: [],
  inventory: [],
  target: 'auto-mode',
  clusterVersion: null,
  steps: {},
};
saveState(path, state);
// Only now: the test kills at random moments after this, when there is a good file to keep intact.
process.stdout.write('saved once\n');
let n = 0;
for (;;) {
  state.steps[`stage/step-${n}`] = { status: 'done', note: 'x'.repeat(n % 500) };
  state.planSteps.push(`stage/step-${n}`);
  saveState(path, state);
  n += 1;
}
