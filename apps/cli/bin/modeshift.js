#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm ci` through the root prepare script).
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
