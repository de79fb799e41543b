#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm ci` through the root prepare script).
import { run } from '../dist/cli.js';

// The AWS SDK warns on every live call that its releases after January 2027 need Node 22. modeshift pins
// its SDK version in package-lock.json, so the warning tells an operator nothing they can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const args = process.argv.slice(2);
const code = await run(args);
process.exitCode = code;
// A plan of a large estate leaves hundreds of megabytes of heap behind, and Node's orderly teardown
// of it took longer than the operating system takes to reclaim the memory. `plan` has finished all
// its work when run returns, so once nothing is left to write it exits at once.
if (args[0] === 'plan' && process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
