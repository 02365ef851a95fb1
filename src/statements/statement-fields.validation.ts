import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf, registerDecorator, type ValidationOptions,
} from 'class-validator';
import { IsCleanText, IsPartialDate, MAX_ID_LENGTH, SLUG, SLUG_PATH } from '../common/validators.js';
import { FORMS, STANCES } from './statement.events.js';

/**
 * The rules of each statement field, shared by the record body and a correction's `changes`, so a value
 * a correction may set is exactly a value a record may carry.
 */
export const MAX_CONDITIONS = 20;
export const MAX_CONDITION_LENGTH = 500;
export const MAX_SUMMARY_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 5000;
export const MAX_REASON_LENGTH = 1000;
export const MAX_LOCATOR_LENGTH = 200;

const NOT_BLANK = /\S/;

const text = (name: string, max: number) => applyDecorators(
  IsString(), IsNotEmpty(), Matches(NOT_BLANK, { message: `${name} must not be blank` }), MaxLength(max), IsCleanText());

export const ActorIdRules = () => applyDecorators(
  IsString(), MaxLength(MAX_ID_LENGTH), Matches(SLUG, { message: '$property must be an actor id: lowercase letters, digits and single hyphens' }));

export const SourceIdRules = () => applyDecorators(
  IsString(), MaxLength(MAX_ID_LENGTH), Matches(SLUG, { message: '$property must be a source id: lowercase letters, digits and single hyphens' }));

export const TopicIdRules = () => applyDecorators(
  IsString(), MaxLength(MAX_ID_LENGTH), Matches(SLUG_PATH, { message: '$property must be a topic path of slugs, e.g. ukraine-war/negotiations' }));

export const StanceRules = () => IsIn(STANCES, { message: `$property must be one of ${STANCES.join(', ')}` });
export const FormRules = () => IsIn(FORMS, { message: `$property must be one of ${FORMS.join(', ')}` });
export const StatedAtRules = () => IsPartialDate();

export const ConditionsRules = () => applyDecorators(
  IsArray(), ArrayMaxSize(MAX_CONDITIONS),
  IsString({ each: true }),
  Matches(NOT_BLANK, { each: true, message: 'each of $property must be a non-blank condition' }),
  MaxLength(MAX_CONDITION_LENGTH, { each: true }),
  IsCleanText({ each: true }));

export const SummaryRules = () => text('summary', MAX_SUMMARY_LENGTH);
export const QuoteRules = () => text('quote', MAX_QUOTE_LENGTH);
export const ReasonRules = () => text('reason', MAX_REASON_LENGTH);
export const LocatorRules = () => text('locator', MAX_LOCATOR_LENGTH);

/** On a record, a direct quote must carry its quote (a correction's result is judged by the decider). */
export const QuoteOfRecordRules = () => applyDecorators(
  ValidateIf((o: { form?: unknown; quote?: unknown }) => o.form === 'direct_quote' || (o.quote !== undefined && o.quote !== null)),
  IsDefined({ message: 'quote is required when form is direct_quote' }),
  QuoteRules());

/**
 * Optional in the sense of "may be left out", unlike class-validator's IsOptional which also lets null
 * through: a `stance: null` correction would otherwise pass validation and mean nothing.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** Left out or null (a correction's `quote: null` removes the quote). */
export const Nullable = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/** An object that sets at least one of `keys`. */
export function SetsAnyOf(keys: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => registerDecorator({
    name: 'setsAnyOf',
    target: target.constructor,
    propertyName: String(propertyKey),
    options: { message: `${String(propertyKey)} must set at least one of ${keys.join(', ')}`, ...options },
    validator: {
      validate: (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
        && keys.some((key) => (value as Record<string, unknown>)[key] !== undefined),
    },
  });
}
