import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, validateSync, ValidateNested } from 'class-validator';
import { RegisterActorRequest } from '../actors/register-actor/register-actor.request.dto.js';
import { StateClaimRequest } from '../claims/state-claim/state-claim.request.dto.js';
import { CorrectStatementRequest } from '../statements/correct-statement/correct-statement.request.dto.js';
import { RecordStatementRequest } from '../statements/record-statement/record-statement.request.dto.js';
import { createValidationPipe, flattenValidationErrors } from './validation.js';
import { passesPlan, validateSyncPlanned } from './validation-plan.js';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true };

const statement = {
  id: 'zelensky-direct-talks', actorId: 'volodymyr-zelensky', topicId: 'ukraine-war/negotiations', stance: 'support',
  conditions: ['if it is the only path to peace'], summary: 'Willing to negotiate', quote: 'I am ready', form: 'direct_quote',
  statedAt: '2025-02-04', sourceId: 'piers-morgan', reportedIn: 'an-article', locator: 'paragraph 3',
};
const actor = {
  id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', kind: 'person', aliases: ['Zelenskyy'],
  roles: [{ title: 'President of Ukraine', from: '2019-05-20' }, { title: 'Actor', from: '2006', to: '2019' }],
};
const correction = { changes: { stance: 'oppose', conditions: [], quote: null }, reason: 'Misheard' };
const claim = {
  actorId: 'volodymyr-zelensky', measure: 'casualties/ukraine/military/killed', value: { exact: 45100 }, qualifier: 'exact',
  unit: 'people', statedAt: '2025-02-04', sourceId: 'piers-morgan',
};

type Body = Record<string, unknown>;
const CASES: [new () => object, Body][] = [
  [RecordStatementRequest, statement], [RegisterActorRequest, actor], [CorrectStatementRequest, correction], [StateClaimRequest, claim],
];

const WRONG: unknown[] = [undefined, null, 5, true, '', '   ', 'x'.repeat(6_000), 'Not A Slug', '2025-02-30', 'a\u0000b', [], ['x', 7], {}, { a: 1 }];

/** The body with one value replaced (or removed, for undefined), at `path`. */
function withValue(body: Body, path: (string | number)[], value: unknown): Body {
  const copy = structuredClone(body);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  if (value === undefined) delete parent[path[path.length - 1]];
  else parent[path[path.length - 1]] = value;
  return copy;
}

/** Every path to a value in the body, nested objects and array items included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [...(prefix.length > 0 ? [prefix] : []), ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key]))];
}

const planned = (cls: new () => object, body: unknown) => validateSyncPlanned(plainToInstance(cls, body), OPTIONS);
const direct = (cls: new () => object, body: unknown) => validateSync(plainToInstance(cls, body) as object, OPTIONS);

describe('validation plans', () => {
  it.each(CASES.map(([cls, body]) => [cls.name, cls, body] as const))('given a valid %s, then the plan passes it without class-validator', (_, cls, body) => {
    expect(passesPlan(plainToInstance(cls, body), OPTIONS)).toBe(true);
    expect(planned(cls, body)).toEqual([]);
    expect(direct(cls, body)).toEqual([]);
  });

  it.each(CASES.map(([cls, body]) => [cls.name, cls, body] as const))(
    'given a %s with any one value wrong, nested DTOs and array items included, then it gets exactly class-validator\'s answer', (_, cls, body) => {
      let refused = 0;
      for (const path of paths(body)) {
        for (const value of WRONG) {
          const changed = withValue(body, path, value);
          const errors = planned(cls, changed);
          expect({ path, value, errors: flattenValidationErrors(errors) }).toEqual({ path, value, errors: flattenValidationErrors(direct(cls, changed)) });
          expect(errors).toEqual(direct(cls, changed));
          if (errors.length > 0) refused++;
        }
      }
      expect(refused).toBeGreaterThan(paths(body).length);
    });

  it('given an unknown property, at the top or in a nested DTO, then it is refused by name', () => {
    expect(flattenValidationErrors(planned(RecordStatementRequest, { ...statement, extra: 1 })))
      .toEqual([{ field: 'extra', message: 'property extra should not exist' }]);
    expect(flattenValidationErrors(planned(RegisterActorRequest, withValue(actor, ['roles', 1, 'extra'], 1))))
      .toEqual([{ field: 'roles[1].extra', message: 'property extra should not exist' }]);
    expect(flattenValidationErrors(planned(CorrectStatementRequest, withValue(correction, ['changes', 'extra'], 1))))
      .toEqual([{ field: 'changes.extra', message: 'property extra should not exist' }]);
  });

  it('given an item of a nested array that is not an object, then it is refused by its index', () => {
    expect(flattenValidationErrors(planned(RegisterActorRequest, withValue(actor, ['roles', 0], 'President'))))
      .toEqual([{ field: 'roles[0]', message: 'each value in nested property roles must be either object or array' }]);
  });

  it('given a value that is not an object of the class, then class-validator answers', () => {
    for (const value of [null, 5, 'text', [statement]]) {
      const body = plainToInstance(RecordStatementRequest, value) as unknown as object;
      expect(() => passesPlan(body, OPTIONS)).not.toThrow();
      expect(passesPlan(body, OPTIONS)).toBe(false);
    }
  });

  it('given a rule registered on a class after its plan was built, then the plan follows it', () => {
    class Late {
      @IsString() name: string;
    }
    expect(validateSyncPlanned(plainToInstance(Late, { name: 'long' }), OPTIONS)).toEqual([]);
    MaxLength(2)(Late.prototype, 'name');
    expect(flattenValidationErrors(validateSyncPlanned(plainToInstance(Late, { name: 'long' }), OPTIONS)))
      .toEqual([{ field: 'name', message: 'name must be shorter than or equal to 2 characters' }]);
  });

  it('given validation groups, then each set of groups gets the rules that apply to it', () => {
    class Grouped {
      @IsString({ groups: ['strict'] }) name: unknown;
    }
    const body = plainToInstance(Grouped, { name: 5 });
    expect(flattenValidationErrors(validateSyncPlanned(body, {}))).toEqual([{ field: 'name', message: 'name must be a string' }]);
    expect(validateSyncPlanned(body, { groups: ['lax'], forbidUnknownValues: false })).toEqual([]);
    expect(flattenValidationErrors(validateSyncPlanned(body, { groups: ['strict'] }))).toEqual([{ field: 'name', message: 'name must be a string' }]);
    expect(flattenValidationErrors(validateSyncPlanned(body, {}))).toEqual([{ field: 'name', message: 'name must be a string' }]);
  });

  it('given a nested value of a class without rules, then class-validator answers as it would', () => {
    class Holder {
      @ValidateNested() inner: object;
    }
    const body = plainToInstance(Holder, { inner: { anything: 1 } });
    expect(passesPlan(body, OPTIONS)).toBe(false);
    expect(validateSyncPlanned(body, OPTIONS)).toEqual(validateSync(body, OPTIONS));
    expect(validateSyncPlanned(body, { forbidUnknownValues: false })).toEqual([]);
  });

  describe('the HTTP pipe', () => {
    const pipe = createValidationPipe();
    const metadata = { type: 'body' as const, metatype: RegisterActorRequest, data: undefined };

    it('given a valid body, then it hands on an instance of the request class', async () => {
      const body = await pipe.transform(structuredClone(actor), metadata);
      expect(body).toBeInstanceOf(RegisterActorRequest);
      expect(body).toEqual(plainToInstance(RegisterActorRequest, actor));
    });

    it('given a nested value wrong, then it answers 400 naming the field', async () => {
      const refusal = await pipe.transform(withValue(actor, ['roles', 1, 'from'], '2025-02-30'), metadata).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(BadRequestException);
      expect((refusal as BadRequestException).getResponse()).toMatchObject({
        errors: [{ field: 'roles[1].from', message: 'from must be a calendar date of day, month or year precision (2025-02-04, 2025-02 or 2022)' }],
      });
    });
  });
});
