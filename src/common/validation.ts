import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { passesPlan } from './validation-plan.js';

/** Flattens class-validator's tree into `{field: 'roles[0].from', message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Nest's pipe, with class-validator asked only about a body its plan does not pass (validation-plan.ts). */
class PlannedValidationPipe extends ValidationPipe {
  protected override validate(object: object, options: ValidatorOptions = {}): Promise<ValidationError[]> | ValidationError[] {
    return passesPlan(object, options) ? [] : super.validate(object, options);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new PlannedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new BadRequestException({
        error: 'Invalid input',
        message: fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input',
        errors: fields,
      });
    },
  });
}
