// Types of scripts/record-validators.mjs, for the test setup that imports it.
export declare const VALIDATORS_FILE: string;
export declare function recordValidatorsSource(root: string): string;
export declare function writeRecordValidators(root: string): string;
