// The wizard's parts for driving it outside the command, through a terminal of the caller's making (the
// bench's wizard phase, tools/bench). An explicit entry ("modeshift/wizard-harness") so that callers do not
// reach into this package's files. It loads React and Ink: call preferProductionReact
// ("modeshift/react-build") before importing it.
export { App } from './wizard/App.js';
export type { WizardDeps } from './wizard/deps.js';
export { PLAN_READY_MARK, WizardModel } from './wizard/model.js';
export { writeFileAtomic } from './io.js';
