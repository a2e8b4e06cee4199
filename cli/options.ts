// Choices of the command-line options, apart from the commands so the CLI can show its help and
// parse arguments without loading any command's code.

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
export const EVALUATE_FORMATS = ['text', 'json', 'ndjson', 'markdown'] as const;
export const HOLIDAY_FORMATS = ['text', 'json'] as const;
export const INIT_HOURS = ['business', '24x7'] as const;
export const RECORDS_CHECK_FORMATS = ['text', 'json'] as const;
