import type { TimelineItem } from './api.js';
import { stanceLabel } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
// Okabe–Ito: told apart by people with the common colour-vision deficiencies.
const ACTOR_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const SCORES = [2, 1, 0, -1, -2];
const STANCE_OF_SCORE: Record<number, string> = { 2: 'strongly_support', 1: 'support', 0: 'neutral', [-1]: 'oppose', [-2]: 'strongly_oppose' };
const DAY = 86_400_000;

interface Step {
  item: TimelineItem;
  from: number;
  certain: number;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * Each actor's standing stance on one topic over time, as a step line: a statement sets the level from the
 * day it was certainly made (the end of its period: a `2022` statement stands from the end of 2022), and the
 * period before that, in which it may or may not have been made yet, is drawn as a hatched band. A line
 * never joins statements about different topics: each (actor, topic) pair is a series of its own.
 */
export function drawStepChart(container: HTMLElement, items: readonly TimelineItem[], names: Map<string, string>): void {
  const width = Math.max(300, container.clientWidth);
  const narrow = width < 560;
  const margin = { top: 12, right: 16, bottom: 28, left: narrow ? 34 : 118 };
  const height = 240;
  const bySeries = new Map<string, Step[]>();
  for (const item of [...items].sort((a, b) => day(a.statedEnd) - day(b.statedEnd) || day(a.statedStart) - day(b.statedStart))) {
    const key = `${item.actorId}\n${item.topicId}`;
    const steps = bySeries.get(key) ?? [];
    steps.push({ item, from: day(item.statedStart), certain: day(item.statedEnd) + DAY });
    bySeries.set(key, steps);
  }
  const svg = node('svg', { width: String(width), height: String(height), role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'step-chart' });
  const series = [...bySeries.values()].sort((a, b) => seriesName(a, names).localeCompare(seriesName(b, names)));
  svg.append(node('title', { id: 'chart-title' }, 'Stance over time'), node('desc', { id: 'chart-desc' }, describe(series, names)));
  container.replaceChildren(svg);
  if (items.length === 0) return void svg.append(node('text', { x: String(width / 2), y: String(height / 2), 'text-anchor': 'middle', class: 'muted' }, 'No statements to chart'));

  const starts = items.map((i) => day(i.statedStart));
  const ends = items.map((i) => day(i.statedEnd) + DAY);
  const span = Math.max(Math.max(...ends) - Math.min(...starts), 60 * DAY);
  const [t0, t1] = [Math.min(...starts) - span * 0.05, Math.max(...ends) + span * 0.08];
  const x = (t: number) => margin.left + ((t - t0) / (t1 - t0)) * (width - margin.left - margin.right);
  const y = (score: number) => margin.top + ((2 - score) / 4) * (height - margin.top - margin.bottom);

  svg.append(hatchPattern());
  for (const score of SCORES) {
    svg.append(node('line', { x1: String(margin.left), x2: String(width - margin.right), y1: String(y(score)), y2: String(y(score)), class: score === 0 ? 'axis zero' : 'axis' }));
    const label = `${score > 0 ? '+' : ''}${score}${narrow ? '' : ` ${stanceLabel(STANCE_OF_SCORE[score])}`}`;
    svg.append(node('text', { x: String(margin.left - 6), y: String(y(score) + 4), 'text-anchor': 'end', class: 'tick', 'data-score': String(score) }, label));
  }
  // A year label is centred on its tick: one too close to an edge would be cut, one too close to the last overlaps it.
  let lastLabel = -Infinity;
  for (const tick of yearTicks(t0, t1)) {
    const at = x(tick);
    if (at < margin.left + 16 || at > width - 18 || at - lastLabel < 40) continue;
    lastLabel = at;
    svg.append(node('text', { x: String(at), y: String(height - 8), 'text-anchor': 'middle', class: 'tick' }, String(new Date(tick).getUTCFullYear())));
  }
  series.forEach((steps, index) => drawSeries(svg, steps, ACTOR_COLOURS[index % ACTOR_COLOURS.length], x, y, t1));
  container.append(legend(series, names));
}

function seriesName(steps: Step[], names: Map<string, string>): string {
  return names.get(steps[0].item.actorId) ?? steps[0].item.actorId;
}

function drawSeries(svg: SVGElement, steps: Step[], colour: string, x: (t: number) => number, y: (s: number) => number, end: number): void {
  const group = node('g', { class: 'series', 'data-actor-id': steps[0].item.actorId, 'data-topic-id': steps[0].item.topicId });
  // A step line: level until the next statement stands, then straight up or down to its level.
  let d = '';
  steps.forEach((step, i) => {
    const [at, level] = [x(step.certain), y(step.item.stanceScore)];
    d += i === 0 ? `M${at},${level}` : ` H${at} V${level}`;
    if (step.certain - step.from > DAY) {
      group.append(node('rect', {
        x: String(x(step.from)), y: String(level - 7), width: String(Math.max(1, at - x(step.from))), height: '14',
        fill: 'url(#uncertain)', stroke: colour, 'stroke-dasharray': '3 2', class: 'uncertain',
      }));
    }
    group.append(node('circle', { cx: String(at), cy: String(level), r: '4', fill: colour, class: 'point', 'data-score': String(step.item.stanceScore), 'data-statement-id': step.item.id }));
    // A ring marks a change of stance (shift or reversal); new conditions on the same stance are not one.
    if (step.item.change && step.item.change.kind !== 'conditions_changed') group.append(node('circle', { cx: String(at), cy: String(level), r: '8', fill: 'none', stroke: colour, 'stroke-width': '2', class: 'change-ring' }));
  });
  group.prepend(node('path', { d: `${d} H${x(end)}`, fill: 'none', stroke: colour, 'stroke-width': '2.5' }));
  svg.append(group);
}

function describe(series: Step[][], names: Map<string, string>): string {
  return series.map((steps) => {
    const first = steps[0].item;
    const last = steps.at(-1)!.item;
    return `${seriesName(steps, names)}: ${steps.length} statement${steps.length === 1 ? '' : 's'}, from ${stanceLabel(first.stance)} (${first.statedAt}) to ${stanceLabel(last.stance)} (${last.statedAt}).`;
  }).join(' ');
}

function legend(series: Step[][], names: Map<string, string>): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  series.forEach((steps, index) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'line-swatch';
    swatch.style.backgroundColor = ACTOR_COLOURS[index % ACTOR_COLOURS.length];
    item.append(swatch, seriesName(steps, names));
    list.append(item);
  });
  return list;
}

function yearTicks(t0: number, t1: number): number[] {
  const first = new Date(t0).getUTCFullYear() + 1;
  const last = new Date(t1).getUTCFullYear();
  const every = Math.max(1, Math.ceil((last - first + 1) / 8));
  const ticks: number[] = [];
  for (let year = first; year <= last; year += every) ticks.push(Date.UTC(year, 0, 1));
  return ticks;
}

function hatchPattern(): SVGElement {
  const defs = node('defs', {});
  const pattern = node('pattern', { id: 'uncertain', width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(node('line', { x1: '0', y1: '0', x2: '0', y2: '6', stroke: '#777', 'stroke-width': '1.5' }));
  defs.append(pattern);
  return defs;
}

function node(tag: string, attributes: Record<string, string>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
