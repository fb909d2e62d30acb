import type { Store } from '../store/open-store.js';
import { reportContexts } from '../store/report-context-queries.js';
import { getRecord, type RecordDetail, type RecordMentionOut } from './record-views.js';

export type RecordReportOut = RecordMentionOut & { title: string | null; evidenceSpan: { start: number; end: number } | null };
export type RecordDetailOut = Omit<RecordDetail, 'reports'> & { reports: RecordReportOut[] };

/**
 * One record as `dossier record --json` and GET /api/records/:id give it: getRecord with each
 * report's article title and evidence offsets, so a reader can open the sentence it rests on.
 */
export async function recordWithReports(db: Store, id: string): Promise<RecordDetailOut | null> {
  const record = await getRecord(db, id);
  if (!record) return null;
  const context = await reportContexts(db, record.reports.map((m) => m.eventId));
  return {
    ...record,
    reports: record.reports.map((m) => {
      const c = context.get(m.eventId);
      return { ...m, title: c?.title ?? null, evidenceSpan: c ? { start: c.start, end: c.end } : null };
    }),
  };
}
