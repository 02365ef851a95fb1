import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

// ajv-formats is CommonJS: seen from ESM, the plugin is its exports' `default` (or the exports themselves).
type AddFormats = typeof formats.default;
const addFormats: AddFormats = (formats as unknown as { default?: AddFormats }).default ?? (formats as unknown as AddFormats);

type Schema = Record<string, unknown>;
export interface Operation {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable` becomes "or null" (for a `$ref` in `allOf` too,
 * as client generators read it), examples go, component refs point into `$defs`, and an object with
 * declared properties admits no others, so a field the document leaves out fails as loudly as a wrong one.
 */
export function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, example, ...rest } = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, s]) => [name, jsonSchema(s)]));
    else if (key === '$ref') out[key] = String(value).replace('#/components/schemas/', '#/$defs/');
    else out[key] = typeof value === 'object' ? jsonSchema(value) : value;
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Checks response bodies against the schemas the document declares for them. */
export class ResponseValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  private readonly defs: Schema;
  private readonly compiled = new Map<unknown, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.defs = jsonSchema(document.components.schemas) as Schema;
  }

  /** The problems with `body` as the response `status` of `operation` in `mediaType`; none when it fits. */
  problems(operation: Operation, status: number, mediaType: string, body: unknown): string[] {
    const response = operation.responses[String(status)];
    if (!response) return [`status ${status} is not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    const schema = response.content?.[mediaType]?.schema;
    if (!schema) return [`${status} declares no schema for ${mediaType} (declared: ${Object.keys(response.content ?? {}).join(', ') || 'none'})`];
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile({ $defs: this.defs, ...(jsonSchema(schema) as Schema) });
      this.compiled.set(schema, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
