import { join } from 'node:path';
import { InputError } from '../errors.js';
import { jsonlReader } from '../ingest/jsonl-reader.js';
import { loadInput } from '../ingest/load-input.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { reutersReader } from '../ingest/reuters-reader.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { createStages } from '../pipeline/stages.js';
import { createDocument } from '../text/create-document.js';
import { toRaw } from '../text/span.js';
import { checkGoldOffsets, type GoldStory, storyLabel } from './event-gold.js';

/**
 * The articles an event gold file points at, read as `dossier ingest` reads them (the Reuters
 * reader for NEWID stories, the JSON Lines reader for `line` stories), and the sentences the
 * annotators worked on, in the raw offsets the gold stores.
 */

/** Where a story sits: a file (relative to the gold's corpus folder) and a NEWID or a 1-based line. */
export interface StoryAddress {
  readonly file: string;
  readonly newId?: number | undefined;
  readonly line?: number | undefined;
}

/** Reads each corpus file once, however many stories it holds. */
export class StoryReader {
  private readonly files = new Map<string, Map<number, RawArticle>>();

  constructor(readonly corpusDir: string) {}

  /** The article at `address`, or a message saying why there is none. */
  read(address: StoryAddress): RawArticle | string {
    const reuters = address.newId !== undefined;
    const key = `${reuters ? 'reuters' : 'jsonl'}:${address.file}`;
    let articles = this.files.get(key);
    if (!articles) {
      const path = join(this.corpusDir, address.file);
      try {
        const source = loadInput(path);
        // A JSONL article is known by the line it starts on; blank and rejected lines keep their numbers.
        articles = reuters
          ? new Map(reutersReader.read(source).articles.map((a) => [Number(a.extra.newId), a]))
          : new Map(jsonlReader.read(source).articles.map((a) => [a.provenance.startLine, a]));
      } catch (error) {
        if (error instanceof InputError) return `cannot read ${path}: ${error.message}`;
        throw error;
      }
      this.files.set(key, articles);
    }
    const id = address.newId ?? address.line ?? 0;
    return articles.get(id) ?? (reuters ? `NEWID=${id} is not in ${address.file}` : `line ${id} of ${address.file} holds no article`);
  }
}

/** Each gold story's article, its offsets checked; an InputError naming the story otherwise. */
export function readGoldStories(corpusDir: string, stories: readonly GoldStory[], goldFile = 'gold.json'): RawArticle[] {
  const reader = new StoryReader(corpusDir);
  return stories.map((story) => {
    const raw = reader.read(story);
    if (typeof raw === 'string') throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file: goldFile }, `story ${storyLabel(story)}: ${raw}`);
    const problems = checkGoldOffsets(story, raw.text);
    if (problems.length > 0) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file: goldFile }, problems.join('; '));
    return raw;
  });
}

/** Every problem of every story (missing article, fingerprint, offsets off the splitter's sentences). */
export function goldStoryProblems(corpusDir: string, stories: readonly GoldStory[]): string[] {
  const reader = new StoryReader(corpusDir);
  return stories.flatMap((story) => {
    const raw = reader.read(story);
    if (typeof raw === 'string') return [`story ${storyLabel(story)}: ${raw}`];
    return checkGoldOffsets(story, raw.text, sentenceBounds(raw.text));
  });
}

const textPipeline = createPipeline(createStages());

/**
 * Dossier's sentences of `text` as [start, end) offsets into `text` itself: the splitter runs
 * on the normalized Document, and each sentence is mapped back through rawOffsets (the end
 * through its last character, so it never takes in the whitespace normalization removed).
 */
export function sentenceBounds(text: string): Array<[number, number]> {
  const doc = textPipeline.run(createDocument('gold-sentences', text));
  return (doc.layers.sentences ?? []).map((s) => [toRaw(doc, s.start), toRaw(doc, s.end - 1) + 1]);
}

/** A story reference as people write it: `reuters reut2-020.sgm:20333` or `jsonl path/articles.jsonl:12`. */
export interface StoryReference {
  readonly kind: 'reuters' | 'jsonl';
  /** For Reuters, the SGML file's name in the Reuters-21578 folder; for JSONL, a path from the working directory. */
  readonly path: string;
  readonly id: number;
}

/** `kind path:id`, or null when `text` is not one. */
export function parseStoryReference(kind: string, text: string): StoryReference | null {
  const m = /^(.+):(\d+)$/.exec(text.trim());
  if (!m || (kind !== 'reuters' && kind !== 'jsonl')) return null;
  return { kind, path: m[1]!, id: Number(m[2]) };
}

/**
 * A stories list: one `reuters FILE:NEWID` or `jsonl PATH:LINE` a line; `#` starts a comment.
 * Lines that are neither come back as errors with their line numbers.
 */
export function parseStoryList(content: string): { references: StoryReference[]; errors: string[] } {
  const references: StoryReference[] = [];
  const errors: string[] = [];
  content.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') return;
    const [kind = '', rest = ''] = line.split(/\s+/, 2);
    const reference = parseStoryReference(kind, rest);
    if (reference) references.push(reference);
    else errors.push(`line ${index + 1}: not "reuters FILE:NEWID" or "jsonl PATH:LINE"`);
  });
  return { references, errors };
}
