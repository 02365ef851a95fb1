import type TestAgent from 'supertest/lib/agent.js';

/** A query value as it appears in a URL. */
export const encode = (text: string) => encodeURIComponent(text.toWellFormed());

export interface ReadEndpoint {
  readonly path: string;
  readonly query: string[];
  readonly required: string[];
}

/** Reads the document must list: the loops over it would otherwise pass having tried nothing. */
export const KNOWN_READS = [
  '/v1/actors/{id}', '/v1/topics', '/v1/topics/{id}', '/v1/sources/{id}', '/v1/statements', '/v1/statements/{id}',
  '/v1/statements/{id}/history', '/v1/stance', '/v1/stance-changes', '/v1/claims',
];

/**
 * The GET endpoints under /v1 that the OpenAPI document describes, but the live stream, which never ends.
 * Throws when one of KNOWN_READS is missing, or a read documents no query parameter at all while others do.
 */
export async function documentedReads(http: TestAgent): Promise<ReadEndpoint[]> {
  const openApi = (await http.get('/docs-json').expect(200)).body as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[] } }>;
  };
  const reads = Object.entries(openApi.paths)
    .filter(([path, ops]) => path.startsWith('/v1/') && ops.get && !path.endsWith('/stream'))
    .map(([path, ops]) => {
      const query = (ops.get!.parameters ?? []).filter((p) => p.in === 'query');
      return { path, query: query.map((p) => p.name), required: query.filter((p) => p.required).map((p) => p.name) };
    });
  const missing = KNOWN_READS.filter((path) => !reads.some((r) => r.path === path));
  if (missing.length > 0) throw new Error(`the OpenAPI document lacks these reads: ${missing.join(', ')}`);
  return reads;
}

/** A plausible value per parameter name (seed data), so a request is valid but for the values under test. */
export const VALID: Record<string, string[]> = {
  actor: ['volodymyr-zelensky', 'donald-trump'], topic: ['ukraine-war', encode('ukraine-war/negotiations/direct-talks-with-putin')],
  under: ['ukraine-war'], measure: [encode('casualties/ukraine/military/killed'), 'casualties'], on: ['2025-02-04', '2022', '2023-06'],
  from: ['2022', '2025-01'], to: ['2025', '2025-02-04'], knownAt: [encode(new Date().toISOString()), '2025-02-05T10%3A00%3A00Z'],
  limit: ['1', '5', '500'], format: ['json', 'csv', 'markdown', 'timelinejs', 'vis'], kind: ['reversal', 'shift'], after: ['0', '3'],
};

/** The endpoint's required parameters with plausible values, and `overrides` on top (already encoded). */
export function queryWith(endpoint: ReadEndpoint, overrides: Record<string, string>): string {
  const params: Record<string, string> = {};
  for (const name of endpoint.required) params[name] = VALID[name]?.[0] ?? '1';
  Object.assign(params, overrides);
  const query = Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&');
  return query ? `${endpoint.path}?${query}` : endpoint.path;
}
