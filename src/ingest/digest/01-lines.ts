/** A line of the source with its character range (end excludes the newline). */
export interface SourceLine {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return lines;
}

export const isBlank = (line: SourceLine): boolean => line.text.trim().length === 0;
