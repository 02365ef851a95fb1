import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The planner's statistics on `statement_versions.topic_id` keep every topic (the default target, 100,
 * keeps the commonest hundred and a histogram). A topic's subtree is a range of ids (`topic_id >= 'a/b'
 * AND topic_id < 'a/b0'`); for a topic outside the kept hundred the planner estimated that range at one
 * row where a 1M history holds thousands, and planned the stance read by the topic's timeline index,
 * filtering by actor, instead of by the actor's own index. At 1M statements, the 2,000 benchmark questions
 * planned for their own values (as a connection does that keeps custom plans): p90 11.9 ms, p99 16.8 ms
 * before; 1.5 ms and 3.3 ms with every topic counted (BENCHMARKS.md, sixth session).
 * A rebuild's shadow tables carry the target over (shadow-tables.ts).
 */
export class TopicStatistics1764900000000 implements MigrationInterface {
  name = 'TopicStatistics1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE statement_versions ALTER COLUMN topic_id SET STATISTICS 1000`);
    await db.query(`ANALYZE statement_versions`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE statement_versions ALTER COLUMN topic_id SET STATISTICS -1`);
  }
}
