import { apiKey } from './api.js';

/** What makes the page's view out of date: a statement's record, or the names it shows. */
const RELEVANT = ['StatementRecorded', 'StatementCorrected', 'StatementRetracted', 'ActorRegistered', 'TopicDefined', 'SourceRegistered'];

/**
 * Follows the service's event stream from "now". The browser reconnects by itself and resumes after the
 * last event it got (Last-Event-ID); the page refreshes on every (re)connection as well, so nothing that
 * happened while it was away is missed.
 */
export function followLiveUpdates(onChange: (reason: string) => void, onStatus: (text: string) => void): () => void {
  const url = new URL('v1/events/stream', document.baseURI);
  url.searchParams.set('after', 'now');
  const key = apiKey();
  // EventSource cannot send headers; the stream alone takes the key in the URL (and keeps it out of its logs).
  if (key) url.searchParams.set('key', key);
  const source = new EventSource(url);
  source.addEventListener('open', () => {
    onStatus('Live: new statements appear as they are recorded.');
    onChange('connected');
  });
  source.addEventListener('error', () => {
    onStatus(source.readyState === EventSource.CLOSED ? 'Live updates stopped: reload the page to resume them.' : 'Live updates interrupted: reconnecting…');
  });
  for (const type of RELEVANT) source.addEventListener(type, () => onChange(type));
  return () => source.close();
}
