/**
 * Errors a user can act on. `code` is stable (for logs and tests); `message` is shown in the UI.
 */
export type CoreErrorCode =
  | 'NOT_CSV'
  | 'EMPTY_FILE'
  | 'MISSING_COLUMNS'
  | 'BAD_MAPPING'
  | 'TOO_FEW_CELLS'
  | 'NO_VARIANCE'
  | 'TOO_FEW_MONTHS'
  | 'BAD_GEOMETRY'
  | 'BAD_INPUT'
  | 'SOLVER_FAILED'
  | 'BUILDINGS_MISSING'
  | 'CANCELLED';

export class CoreError extends Error {
  readonly code: CoreErrorCode;
  constructor(code: CoreErrorCode, message: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}
