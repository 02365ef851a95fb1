/** RFC 9457 problem details, as every error leaves the service. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string; [detail: string]: unknown }[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://stanceline.dev/problems/';

export function problem(status: number, code: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: PROBLEM_TYPE_BASE + code, title, status, detail, ...extra };
}
