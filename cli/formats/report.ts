// `slac evaluate --format json|text|markdown`, written while the log is read: what the document
// lists in the order the run produces it goes straight out, the lists it prints later are spooled
// to disk (spool.ts) and copied in at the end, so memory stays flat in the number of records.

import type { IncidentVerdict } from '../../runtime/evaluate';
import type { PeriodVerdict } from '../../runtime/periods';
import type { RecordWarning, Rejected } from '../../runtime/records';
import type { DowntimeVerdict, SessionCounts } from '../../runtime/session';
import type { Colors } from '../io';
import { type EvaluationReport, JsonReport, markdownLines, objectiveLabel, type ReportHead, textLines } from './evaluation';
import { incidentLine } from './ndjson';
import { LISTED } from './record-issues';
import { Spool } from './spool';
import type { OutputWriter } from './writer';

/** How many pieces go out between two waits for the output to drain. */
const PIECES_PER_DRAIN = 4096;

export class ReportWriter {
  private readonly json: JsonReport | null;
  /** Spooled too for text (its column widths are known only at the end) and markdown (periods come first). */
  private readonly incidents: Spool<IncidentVerdict> | null;
  private readonly downtimes = new Spool<DowntimeVerdict>();
  private readonly rejects = new Spool<Rejected>();
  /** Every warning for JSON; text and markdown list only the first LISTED. */
  private readonly warnings: Spool<RecordWarning> | RecordWarning[];
  private objectiveWidth = 8;

  constructor(
    private readonly format: 'json' | 'text' | 'markdown',
    private readonly head: ReportHead,
    private readonly out: OutputWriter,
    private readonly colors: Colors,
  ) {
    this.json = format === 'json' ? new JsonReport((t) => out.text(t)) : null;
    this.json?.start(head);
    // incidentLine: the NDJSON line, twice as fast as JSON.stringify; its extra "kind" is ignored.
    this.incidents = this.json ? null : new Spool<IncidentVerdict>(incidentLine);
    this.warnings = this.json ? new Spool<RecordWarning>() : [];
  }

  incident(v: IncidentVerdict): void {
    if (this.json) {
      this.json.incident(v);
      return;
    }
    for (const o of v.objectives) if (objectiveLabel(o).length > this.objectiveWidth) this.objectiveWidth = objectiveLabel(o).length;
    this.incidents!.add(v);
  }

  downtime(d: DowntimeVerdict): void {
    this.downtimes.add(d);
  }

  rejected(r: Rejected): void {
    this.rejects.add(r);
  }

  warning(w: RecordWarning): void {
    if (this.warnings instanceof Spool) this.warnings.add(w);
    else if (this.warnings.length < LISTED) this.warnings.push(w);
  }

  /** Writes the rest of the report, waiting for the output between pieces. */
  async finish(periods: PeriodVerdict[], counts: SessionCounts): Promise<void> {
    const rest = { downtime: this.downtimes, periods, rejected: this.rejects, warnings: this.warnings, counts };
    let n = 0;
    if (this.json) {
      for (const piece of this.json.finish(rest)) {
        this.out.text(piece);
        if (++n % PIECES_PER_DRAIN === 0) await this.out.drain();
      }
      return;
    }
    const report: EvaluationReport = { ...this.head, ...rest, incidents: this.incidents!, objectiveWidth: this.objectiveWidth };
    for (const line of this.format === 'markdown' ? markdownLines(report) : textLines(report, this.colors)) {
      this.out.raw(line);
      if (++n % PIECES_PER_DRAIN === 0) await this.out.drain();
    }
  }

  /** Removes the spools, whether the report was finished or not. */
  dispose(): void {
    this.incidents?.dispose();
    this.downtimes.dispose();
    this.rejects.dispose();
    if (this.warnings instanceof Spool) this.warnings.dispose();
  }
}
