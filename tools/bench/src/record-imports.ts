// `node --import …/record-imports.js program`: with MODESHIFT_IMPORT_LOG set, every module the program
// imports is listed in that file, one URL a line. Tests use it to prove that commands which need no
// terminal UI or Pulumi code never load them; the bench, to count what start-up loads.
import { register } from 'node:module';

const log = process.env.MODESHIFT_IMPORT_LOG;
if (log) register('./import-hooks.js', { parentURL: import.meta.url, data: { log } });
