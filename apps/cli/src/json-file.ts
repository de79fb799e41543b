import { UserError } from '@modeshift/core/base';
import { findJsonSyntaxError } from '@modeshift/inventory';

/**
 * A JSON file's text, parsed; bad JSON is one message naming the file, the line and what is wrong.
 * JSON.parse's own message is not used: V8 quotes the text around the fault, which may be a credential.
 */
export function parseJsonFile(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const fault = findJsonSyntaxError(text);
    throw new UserError(
      'input',
      fault ? `${file}:${fault.line}: ${what} is not valid JSON (column ${fault.column}: ${fault.problem})` : `${file}: ${what} is not valid JSON`,
    );
  }
}
