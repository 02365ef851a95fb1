import type { Source, SourceKind } from './source.events.js';

/** A source as every endpoint returns it: the fields not given are null, so POST and GET answer alike. */
export interface SourceView {
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  recordedAt: Date;
}

export function toSourceView(source: Source, recordedAt: Date): SourceView {
  const { id, kind, title, publisher, url, publishedAt } = source;
  return { id, kind, title, publisher: publisher ?? null, url: url ?? null, publishedAt: publishedAt ?? null, recordedAt };
}

export const SOURCE_COLUMNS =
  `id, kind, title, publisher, url, published_at AS "publishedAt", recorded_at AS "recordedAt"`;
