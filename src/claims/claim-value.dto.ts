import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsNumber, Max, Min, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { canonicalValue, VALUE_LIMIT } from './claim-value.js';
import type { ClaimValue } from './claim.events.js';

const NUMBER = { allowNaN: false, allowInfinity: false };

/** `{exact}` or `{low, high}`; which one is checked on the property that holds it (IsClaimValueShape). */
export class ClaimValueDto {
  @ApiPropertyOptional({ example: 45100, minimum: -VALUE_LIMIT, maximum: VALUE_LIMIT })
  @ValidateIf((o: ClaimValueDto) => o.low === undefined && o.high === undefined)
  @IsNumber(NUMBER) @Min(-VALUE_LIMIT) @Max(VALUE_LIMIT)
  exact?: number;

  @ApiPropertyOptional({ example: 600000, minimum: -VALUE_LIMIT, maximum: VALUE_LIMIT })
  @ValidateIf((o: ClaimValueDto) => o.exact === undefined)
  @IsNumber(NUMBER) @Min(-VALUE_LIMIT) @Max(VALUE_LIMIT) @IsNotAboveHigh()
  low?: number;

  @ApiPropertyOptional({ example: 700000, minimum: -VALUE_LIMIT, maximum: VALUE_LIMIT })
  @ValidateIf((o: ClaimValueDto) => o.exact === undefined)
  @IsNumber(NUMBER) @Min(-VALUE_LIMIT) @Max(VALUE_LIMIT)
  high?: number;
}

/** The OpenAPI shape of a value: one of the two forms, never both. */
export const CLAIM_VALUE_SCHEMA: ApiPropertyOptions = {
  oneOf: [
    { type: 'object', required: ['exact'], properties: { exact: { type: 'number' } }, additionalProperties: false },
    { type: 'object', required: ['low', 'high'], properties: { low: { type: 'number' }, high: { type: 'number' } }, additionalProperties: false },
  ],
};

export function toClaimValue(dto: ClaimValueDto): ClaimValue {
  return canonicalValue(dto as ClaimValue);
}

/** Exactly one of the two forms: an exact figure and a range at once would say two things. */
export function IsClaimValueShape(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isClaimValueShape',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must be either {exact} or {low, high}, not both`, ...options },
    validator: {
      validate(value: unknown) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        const v = value as Record<string, unknown>;
        return (v.exact !== undefined) !== (v.low !== undefined || v.high !== undefined);
      },
    },
  });
}

function IsNotAboveHigh(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'isNotAboveHigh',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: 'low must not be above high', ...options },
    validator: {
      validate(low: unknown, args) {
        const high = (args?.object as ClaimValueDto | undefined)?.high;
        return typeof low !== 'number' || typeof high !== 'number' || low <= high;
      },
    },
  });
}
