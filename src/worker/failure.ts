import { CoreError } from '../core/errors';

/** A failure as the user reads it: a CoreError's own message, anything else named as unexpected. */
export function failureOf(error: unknown): { code: string; message: string } {
  const code = error instanceof CoreError ? error.code : 'INTERNAL';
  const text = error instanceof Error ? error.message : String(error);
  return { code, message: code === 'INTERNAL' ? `Unexpected error: ${text}` : text };
}
