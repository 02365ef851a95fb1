import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject, type SchemaObject } from '@nestjs/swagger';
import { documentConsistencyToken } from '../database/read-routing/token-openapi.js';
import { PROBLEM_TYPE_BASE } from './problem.js';

/** Every error leaves the service as this (ProblemDetailsFilter): RFC 9457 problem details. */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', example: `${PROBLEM_TYPE_BASE}validation`, description: 'what went wrong, for code to branch on' },
    title: { type: 'string', example: 'Invalid input' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'stance must be one of the following values: ...' },
    errors: {
      type: 'array',
      description: 'the input fields at fault, each named',
      items: {
        type: 'object', required: ['field', 'message'],
        properties: {
          field: { type: 'string' }, message: { type: 'string' },
          value: { type: 'string', description: 'unknown-reference in a read: the value that names nothing' },
          suggestions: { type: 'array', items: { type: 'string' }, description: 'unknown-reference in a read: up to 5 existing ids most like the value' },
        },
      },
    },
    retryAfter: { type: 'integer', description: 'with 429: seconds until the key may write again (also the Retry-After header)' },
  },
};

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

// Refusals that come from the service's layers rather than an endpoint's own rules.
const AUTH_REFUSALS = { 401: 'No API key, or one the service does not know', 403: "The key's role does not allow this operation" };
const BODY_REFUSALS = { 413: 'The body is larger than the service accepts (the problem says how large it may be)', 415: 'The body was not sent as JSON' };
const WRITE_REFUSALS = { 429: 'This key wrote more than WRITE_RATE_LIMIT allows; try again after Retry-After seconds' };

/** Serves the OpenAPI document at /docs (and as JSON at /docs-json). */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Stanceline')
    .setDescription('Who said what, about what, when, from which source, and how it changed. Every error is application/problem+json '
      + '(RFC 9457). Writes need an API key (Authorization: Bearer <key>); reads do too when the service runs with READS_REQUIRE_KEY.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => documentConsistencyToken(declareProblems(SwaggerModule.createDocument(app, config))), { jsonDocumentUrl: 'docs-json' });
}

/**
 * Gives every error response of every operation the problem+json schema, and declares the refusals any
 * operation of its kind can meet (a key's, a body's, a write's), so a generated client knows each shape.
 */
export function declareProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const operations of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(operations)) {
      if (typeof value !== 'object' || value === null || !('responses' in value)) continue;
      const operation = value as OperationObject;
      const extra = {
        ...(operation.security?.length ? AUTH_REFUSALS : {}),
        ...(operation.requestBody ? BODY_REFUSALS : {}),
        ...(method === 'post' ? WRITE_REFUSALS : {}),
      };
      for (const [status, description] of Object.entries(extra)) operation.responses[status] ??= { description };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && response && !('$ref' in response) && !response.content) response.content = PROBLEM;
      }
    }
  }
  return document;
}
