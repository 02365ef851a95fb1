import type { HistoryEvent, HistorySize } from './history-size.js';
import { Random, Zipf } from './random.js';
import { randomDay, type Registries } from './registries.js';
import { pickCondition, pickCorrectionReason, RETRACTION_REASONS, sentence } from './vocabulary.js';

const STANCES = ['strongly_oppose', 'oppose', 'neutral', 'support', 'strongly_support'];
const FORMS = ['direct_quote', 'direct_quote', 'direct_quote', 'direct_quote', 'paraphrase', 'paraphrase', 'reported', 'reported', 'reported', 'official_act'];
const MAX_INTERESTS = 12;

/** The fields of a statement as the API takes them (POST /v1/statements), without an id. */
export interface StatementBody {
  actorId: string; topicId: string; stance: string; conditions: string[]; summary: string; quote: string | null;
  form: string; statedAt: string; sourceId: string;
}

/**
 * Writes statements the way an editorial desk would: each actor speaks on a handful of topics, with a
 * stance that mostly holds, sometimes shifts and now and then reverses; dates mostly to the day, some
 * only to the month or year; quotes of 100-300 characters. A share of earlier statements is corrected
 * or retracted later on, as events of their own.
 */
export class StatementWriter {
  private readonly random: Random;
  private readonly zipf: Zipf;
  private readonly interests: Int16Array;
  private readonly interestCount: Uint8Array;
  private readonly stanceOf: Int8Array;

  constructor(private readonly registries: Registries, private readonly size: HistorySize, seed: number) {
    this.random = new Random(seed);
    const actors = registries.actorIds.length;
    this.zipf = new Zipf(actors - size.probeActors, 0.7);
    this.interests = new Int16Array(actors * MAX_INTERESTS);
    this.interestCount = new Uint8Array(actors);
    this.stanceOf = new Int8Array(actors * MAX_INTERESTS);
    for (let a = 0; a < actors; a++) {
      // Probe actors' interests come from a PRNG of their own, so they are the same at every size.
      const r = a < size.probeActors ? new Random(9_000 + a) : this.random;
      this.interestCount[a] = r.int(3, MAX_INTERESTS);
      for (let j = 0; j < this.interestCount[a]; j++) {
        this.interests[a * MAX_INTERESTS + j] = r.pick(registries.statementTopics);
        this.stanceOf[a * MAX_INTERESTS + j] = r.int(-2, 2);
      }
    }
  }

  /** A background statement: an actor drawn by how much they speak, on one of their topics. */
  next(): StatementBody {
    return this.body(this.size.probeActors + this.zipf.draw(this.random), this.random);
  }

  /** Probe actor `k`'s next statement, from its own PRNG: identical in every history. */
  probe(k: number, random: Random): StatementBody {
    return this.body(k, random);
  }

  /** Topics actor `a` speaks on (for building queries that find something). */
  topicsOf(a: number): string[] {
    return Array.from({ length: this.interestCount[a] }, (_, j) => this.registries.topicIds[this.interests[a * MAX_INTERESTS + j]]);
  }

  correction(id: string, version: number, currentStance: number): { event: HistoryEvent; stance: number } {
    const random = this.random;
    const what = random.int(0, 3);
    let stance = currentStance;
    let changes: object;
    if (what === 0) {
      stance = ((currentStance + 2 + random.int(1, 4)) % 5) - 2;
      changes = { stance: STANCES[stance + 2] };
    } else if (what === 1) changes = { summary: sentence(random, 60, 160) };
    else if (what === 2) changes = { statedAt: randomDay(random, 2015, 2025) };
    else changes = { quote: sentence(random, 100, 300) };
    return { event: { streamId: `statement-${id}`, version, type: 'StatementCorrected', data: { id, changes, reason: pickCorrectionReason(random) } }, stance };
  }

  retraction(id: string, version: number): HistoryEvent {
    return { streamId: `statement-${id}`, version, type: 'StatementRetracted', data: { id, reason: this.random.pick(RETRACTION_REASONS) } };
  }

  chance(p: number): boolean {
    return this.random.chance(p);
  }

  below(n: number): number {
    return Math.floor(this.random.next() * n);
  }

  private body(a: number, random: Random): StatementBody {
    const slot = a * MAX_INTERESTS + random.int(0, this.interestCount[a] - 1);
    const roll = random.next();
    // Mostly the same stance; sometimes a step; now and then a reversal across neutral.
    if (roll > 0.9) this.stanceOf[slot] = -this.stanceOf[slot] || (random.chance(0.5) ? 1 : -1);
    else if (roll > 0.7) this.stanceOf[slot] = Math.max(-2, Math.min(2, this.stanceOf[slot] + (random.chance(0.5) ? 1 : -1)));
    const form = random.pick(FORMS);
    const day = randomDay(random, 2015, 2025);
    const precision = random.next();
    return {
      actorId: this.registries.actorIds[a],
      topicId: this.registries.topicIds[this.interests[slot]],
      stance: STANCES[this.stanceOf[slot] + 2],
      conditions: random.chance(0.2) ? [...new Set(Array.from({ length: random.int(1, 2) }, () => pickCondition(random)))] : [],
      summary: sentence(random, 60, 160),
      quote: form !== 'paraphrase' || random.chance(0.5) ? sentence(random, 100, 300) : null,
      form,
      statedAt: precision < 0.85 ? day : precision < 0.95 ? day.slice(0, 7) : day.slice(0, 4),
      sourceId: random.pick(this.registries.sourceIds),
    };
  }

  static stanceScore(stance: string): number {
    return STANCES.indexOf(stance) - 2;
  }
}
