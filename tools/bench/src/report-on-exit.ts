// Loaded with `node --import` in front of a program the benchmark runs as it is (the CLI, the parse
// baseline): /usr/bin/time is not everywhere, and the process knows its own peak RSS best.
import { writeReport } from './report.js';

process.on('exit', () => writeReport({}));
