import { ApiError, getJson, type ChangeMark, type Source, type Statement, type StatementHistory, type Topic } from './api.js';
import { el, kindLabel, safeHref, stanceLabel, statedAtLabel, timestampLabel } from './format.js';

const FIELDS: (keyof Statement)[] = ['actorId', 'topicId', 'stance', 'conditions', 'summary', 'quote', 'form', 'statedAt', 'sourceId', 'reportedIn', 'locator'];

/** The details of one statement: its words, conditions, source, and every correction it has had. */
export class StatementPanel {
  private trigger?: { id: string; element: HTMLElement | null };
  private showing?: string;

  constructor(
    private readonly section: HTMLElement,
    private readonly heading: HTMLElement,
    private readonly body: HTMLElement,
    private readonly names: { actor(id: string): string; topic(id: string): Topic | undefined },
    private readonly findTrigger: (id: string) => HTMLElement | null,
    /** Told which statement is open (undefined: none), for the page's URL. */
    private readonly onShown: (id: string | undefined) => void = () => {},
  ) {
    section.querySelector('#details-close')!.addEventListener('click', () => this.close());
    section.addEventListener('keydown', (event) => { if (event.key === 'Escape') this.close(); });
  }

  /** Opens a statement as it stood at `knownAt` (default: now); `trigger` gets focus back on close. */
  async open(id: string, trigger: HTMLElement | null, change?: ChangeMark, knownAt?: string): Promise<void> {
    this.trigger = { id, element: trigger };
    this.showing = id;
    this.onShown(id);
    this.section.hidden = false;
    this.heading.textContent = 'Loading the statement…';
    this.body.replaceChildren();
    this.heading.focus();
    const [statement, history] = await Promise.all([
      getJson<Statement>(`v1/statements/${encodeURIComponent(id)}`, { knownAt }).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
      getJson<StatementHistory>(`v1/statements/${encodeURIComponent(id)}/history`),
    ]);
    if (this.showing !== id) return;
    const shown = statement ?? history.versions.at(-1)!.statement;
    const reportedIn = shown.reportedIn ? shown.reportedInSource ?? await sourceOf(shown.reportedIn) : null;
    if (this.showing !== id) return;
    this.heading.textContent = `${this.names.actor(shown.actorId)}: ${stanceLabel(shown.stance)}`;
    this.body.replaceChildren(...this.render(shown, history, change, statement === null, reportedIn));
  }

  close(): void {
    if (this.section.hidden) return;
    this.section.hidden = true;
    this.showing = undefined;
    this.onShown(undefined);
    // Back to where the reader was; if a live update redrew it, to the same statement's new button.
    const target = this.trigger?.element?.isConnected ? this.trigger.element : this.trigger && this.findTrigger(this.trigger.id);
    target?.focus();
  }

  private render(s: Statement, history: StatementHistory, change: ChangeMark | undefined, retracted: boolean, reportedIn: Source | string | null): Node[] {
    const topic = this.names.topic(s.topicId);
    const source = s.source;
    const nodes: (HTMLElement | null)[] = [
      retracted ? el('p', { class: 'notice', text: 'This statement has been retracted; below is what was on record.' }) : null,
      el('p', { class: 'topic-line' }, el('strong', { text: topic?.title ?? s.topicId }),
        topic ? ` — towards “${topic.proposition}”` : ''),
      el('dl', { class: 'facts' },
        el('dt', { text: 'Stance' }), el('dd', {}, el('span', { class: `stance-tag stance-${s.stance}`, text: `${stanceLabel(s.stance)} (${s.stanceScore > 0 ? '+' : ''}${s.stanceScore})` })),
        el('dt', { text: 'Said' }), el('dd', { text: statedAtLabel(s.statedAt) }),
        el('dt', { text: 'Form' }), el('dd', { text: kindLabel(s.form) })),
      s.quote !== null
        ? el('blockquote', { class: 'quote', text: s.quote })
        : el('p', { class: 'muted', text: 'No verbatim quote is recorded; the summary is in the editor’s words.' }),
      el('p', { class: 'summary', text: s.summary }),
      el('h3', { text: 'Conditions' }),
      s.conditions.length > 0 ? el('ul', {}, ...s.conditions.map((c) => el('li', { text: c }))) : el('p', { class: 'muted', text: 'None: the stance is not qualified.' }),
      change ? el('h3', { text: 'Stance change' }) : null,
      change ? el('p', { text: `${kindLabel(change.kind)} (${kindLabel(change.flipOMeter)}) from ${stanceLabel(change.from.stance)}, ${statedAtLabel(change.from.statedAt)}`
        + `${change.orderUncertain ? '; which of the two came first is not known' : ''}.` }) : null,
      el('h3', { text: 'Source' }),
      el('p', { class: 'source' }, ...sourceLine(source ?? s.sourceId)),
      s.locator ? el('p', { class: 'locator' }, el('strong', { text: 'Where in the source: ' }), s.locator) : null,
      reportedIn ? el('p', { class: 'reported-in' }, el('strong', { text: 'Reported in: ' }), ...sourceLine(reportedIn)) : null,
      el('h3', { text: 'Correction history' }),
      el('ol', { class: 'history' }, ...history.versions.map((version, i) => el('li', {},
        el('strong', { text: `${eventLabel(version.event.type)} ${timestampLabel(version.recordedFrom)}` }),
        version.event.reason ? ` — reason: ${version.event.reason}` : '',
        i > 0 && version.event.type === 'StatementCorrected' ? el('span', { class: 'changed', text: ` — changed: ${changedFields(history.versions[i - 1].statement, version.statement)}` }) : ''))),
    ];
    return nodes.filter((n): n is HTMLElement => n !== null);
  }
}

/** A source as a line of text: its title (a link when it has a web URL), publisher, date and kind. */
function sourceLine(source: Source | string): (Node | string)[] {
  if (typeof source === 'string') return [source];
  const href = safeHref(source.url);
  return [href ? el('a', { href, rel: 'noopener noreferrer', text: source.title }) : source.title,
    ...[source.publisher, source.publishedAt, kindLabel(source.kind)].filter(Boolean).map((part) => `, ${part}`)];
}

/** The source a record was reported in; its id alone when it cannot be read. */
function sourceOf(id: string): Promise<Source | string> {
  return getJson<Source>(`v1/sources/${encodeURIComponent(id)}`).catch(() => id);
}

function eventLabel(type: string): string {
  return type === 'StatementRecorded' ? 'Recorded' : type === 'StatementCorrected' ? 'Corrected' : type === 'StatementRetracted' ? 'Retracted' : type;
}

function changedFields(before: Statement, after: Statement): string {
  const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return changed.map((f) => (f === 'stance' ? `stance (${stanceLabel(before.stance)} → ${stanceLabel(after.stance)})` : f === 'statedAt' ? `date (${before.statedAt} → ${after.statedAt})` : f)).join(', ') || 'nothing visible';
}
