import type { Random } from './random.js';

// Enough words that quotes do not compress to nothing, as real quotes do not.
const WORDS = `
the a we they our their this that it not never always must should will would could cannot peace war talks
negotiations ceasefire sanctions security guarantees border territory sovereignty alliance membership treaty
aid weapons troops referendum election government parliament decree constitution economy energy gas oil
grain exports tariffs trade inflation budget reform corruption court judges press freedom rights refugees
migration climate emissions coal nuclear reactor drones missiles air defence front line occupied liberated
people nation president minister chancellor prime leader opposition coalition partners allies neighbours
europe union council summit agreement deal framework roadmap compromise pressure dialogue mediation hostages
prisoners exchange humanitarian corridor reconstruction investment loans debt markets jobs wages pensions
schools hospitals families soldiers veterans volunteers cities villages region country world history future
today tomorrow yesterday now later soon first last only every some many few more less fully partly clearly
simply frankly honestly absolutely certainly perhaps possibly unacceptable necessary important dangerous
`.trim().split(/\s+/);

const CONDITIONS = [
  'if it is the only path to peace', 'if NATO membership stays out of reach', 'if the ceasefire holds for thirty days',
  'if security guarantees are signed first', 'if the occupied territories are not recognised', 'if the parliament approves it',
  'if prisoners are exchanged all for all', 'if sanctions stay in place meanwhile', 'if the allies agree to take part',
  'if elections are held under international observation', 'if the grain corridor reopens', 'if the budget allows it',
];

const REASONS = ['wrong date in the source transcript', 'stance misread on first entry', 'summary tightened after review',
  'quote checked against the recording', 'topic reassigned by the desk'];

export const RETRACTION_REASONS = ['misattributed', 'duplicate', 'withdrawn by the source'];

/** Words joined up to a length between min and max characters, capitalised, ending in a full stop. */
export function sentence(random: Random, min: number, max: number): string {
  const target = random.int(min, max);
  let text = random.pick(WORDS);
  while (text.length < target - 1) {
    const word = random.pick(WORDS);
    // Room for the separator (at most ', ') and the final full stop.
    if (text.length + 2 + word.length > max - 1) break;
    text += (random.chance(0.08) ? ', ' : ' ') + word;
  }
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

export function slugWord(random: Random): string {
  return random.pick(WORDS).replace(/[^a-z]/g, '') || 'topic';
}

export const pickCondition = (random: Random) => random.pick(CONDITIONS);
export const pickCorrectionReason = (random: Random) => random.pick(REASONS);
