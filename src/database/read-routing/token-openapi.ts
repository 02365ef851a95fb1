import type { OpenAPIObject } from '@nestjs/swagger';
import { TOKEN_HEADER } from './token-from-query.js';

const ABOUT = 'Read-your-writes with read replicas: a write\'s Stanceline-Token sent back makes this read see that write and every write before it.';

/**
 * The consistency token in the OpenAPI document, once for every operation instead of on each controller:
 * reads take it (header or `afterToken`), successful writes answer with it (when the service has replicas).
 */
export function documentConsistencyToken(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    if (item.get) {
      item.get.parameters = [...(item.get.parameters ?? []),
        { name: TOKEN_HEADER, in: 'header', required: false, schema: { type: 'string' }, description: ABOUT },
        { name: 'afterToken', in: 'query', required: false, schema: { type: 'string' }, description: `The same as the ${TOKEN_HEADER} header, for links.` }];
    }
    for (const [status, response] of Object.entries(item.post?.responses ?? {})) {
      if (!status.startsWith('2') || !response || !('description' in response)) continue;
      response.headers = { ...response.headers, [TOKEN_HEADER]: {
        schema: { type: 'string' }, description: 'Opaque consistency token (with read replicas): send it back on reads to see this write.',
      } };
    }
  }
  return document;
}
