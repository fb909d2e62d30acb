import type { Generated, Insertable, Selectable } from 'kysely';

/** The one schema of the store; row types come from it. */
export interface OutletsTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface ArticlesTable {
  id: string;
  title: string;
  outlet_id: number | null;
  author_id: number | null;
  date: string | null;
  date_precision: string | null;
  date_reason: string | null;
  url: string | null;
  text: string;
  author_bio: string | null;
  content_hash: string;
  extra: string;
  source_file: string;
  start_line: number;
  end_line: number;
  start_byte: number;
  end_byte: number;
  reader: string;
  ingested_at: string;
}

export interface ParagraphsTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  kind: string;
}

export interface PassagesTable {
  id: Generated<number>;
  article_id: string;
  kind: string;
  start: number;
  end: number;
  exact_hash: string;
  word_count: number;
  shingle_count: number;
  figures: string;
  signature: string;
}

export interface PassageBandsTable {
  /** band * 2^32 + bucket hash, from the "band:hash" keys of the repeats library. */
  band_key: number;
  passage_id: number;
}

export interface RepeatsTable {
  passage_id: number;
  other_passage_id: number;
  similarity: number;
  kind: string;
}

export interface Database {
  outlets: OutletsTable;
  authors: AuthorsTable;
  articles: ArticlesTable;
  paragraphs: ParagraphsTable;
  passages: PassagesTable;
  passage_bands: PassageBandsTable;
  repeats: RepeatsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
