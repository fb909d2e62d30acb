import type { ExportLevel, ExportRow } from './export-row.js';

/** One column, attribute or key of an export, as the manifest and docs/exports.md describe it. */
export interface FieldDescription {
  name: string;
  description: string;
}

/** What a format made of the rows: the file's text, how many rows it holds, and which it left out and why. */
export interface FormatOutput {
  text: string;
  written: number;
  leftOut: Record<string, number>;
}

export interface FormatOptions {
  level: ExportLevel;
  /** GDELT only: a header row (GDELT's own files have none). */
  header?: boolean;
  /** GeoJSON and TimelineJS: a title for the dataset. */
  title?: string;
}

/** An export format: a pure function from rows to a file, with its field dictionary. */
export interface ExportFormat {
  name: string;
  extension: string;
  mediaType: string;
  fields: readonly FieldDescription[];
  render(rows: readonly ExportRow[], options: FormatOptions): FormatOutput;
}
