// Findings that need every version file of one contract folder at once (two versions taking effect
// on the same date, files of different contracts or zones in one folder): the compiler's own folder
// rules, the same that `slac check` and `slac evaluate` apply.

import type { Compiled } from '../compiler/compile';
import { checkFolder } from '../compiler/folder';
import type { Diagnostic } from '../language/diagnostics';

/** Diagnostics by file (Compiled.file) for the files of one folder. */
export type FolderCheck = (files: readonly Compiled[]) => Map<string, Diagnostic[]>;

export const versionRules: FolderCheck = checkFolder;
