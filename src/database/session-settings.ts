/**
 * Settings every session of the service starts with, sent in the connection's startup packet (pg's
 * `options`), so they hold from the first statement and cost no round trip.
 *
 * `plan_cache_mode=force_generic_plan`: a statement prepared by name (prepared.ts) is planned once per
 * connection, with its parameters unknown, and that plan serves every call. PostgreSQL's default (`auto`)
 * plans the first five calls for their values and keeps planning per call whenever those plans looked
 * cheaper than the generic one; the stance read's custom plans misjudge how many rows a topic's subtree
 * holds (a narrow text range inside one histogram bucket is estimated near zero rows), then walk the topic
 * index instead of the actor's: at 1M statements, 2,000 stance questions one after another took
 * p50/p90/p99 1.97/13.04/19.25 ms with per-call plans against 0.81/1.49/5.50 ms with the generic plan, and
 * which of the two a connection ended up with depended on the first five questions it happened to serve.
 * Only statements planned once and run again are affected: the named ones (the stance and grid reads, the
 * write path's calls) and those inside the database functions the write path calls, whose plans do not
 * depend on the values; every other query is planned per call as before.
 */
export const SESSION_OPTIONS = '-c plan_cache_mode=force_generic_plan';
