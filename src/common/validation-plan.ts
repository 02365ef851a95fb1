import { getMetadataStorage, validateSync, ValidationTypes, type ValidationError, type ValidatorOptions } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Constraint = { validate(value: unknown, args: object): unknown };

/** A rule of a property: its decorator's metadata and the constraint instances that judge it. */
interface RulePlan {
  readonly metadata: ValidationMetadata;
  readonly constraints: readonly Constraint[];
}

/** A property's rules, sorted as class-validator's executor sorts them. */
interface PropertyPlan {
  readonly name: string;
  /** `@ValidateIf`, `@IsOptional`: the property is judged only when all of them hold. */
  readonly conditions: readonly ValidationMetadata[];
  /** `@IsDefined`, judged first. */
  readonly defined: readonly RulePlan[];
  readonly rules: readonly RulePlan[];
  /** How many `@ValidateNested` it carries. */
  readonly nested: number;
}

/** The kinds of metadata the plan judges as the executor does; a class with any other is left to class-validator. */
const MODELLED: readonly string[] = [ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.IS_DEFINED,
  ValidationTypes.CUSTOM_VALIDATION, ValidationTypes.NESTED_VALIDATION, ValidationTypes.WHITELIST];

interface ClassPlan {
  readonly properties: readonly PropertyPlan[];
  /** The properties that carry a rule: with `whitelist`, any other one is refused. */
  readonly known: ReadonlySet<string>;
}

/**
 * Why: class-validator's executor is generic, and per validated object (a request body, an import line,
 * each nested DTO) it filters every registered metadata for the class, groups them by property, looks up
 * each constraint's instance in its container by a linear scan over every constraint class of the app,
 * and allocates an error object per property, valid or not: on a statement that is most of the import's
 * validation CPU. What it checks never changes once the classes are loaded.
 *
 * So each class gets a plan, built once from class-validator's own metadata (the same lookup the
 * executor makes) and holding the constraint instances, and a value is first run through it. The plan
 * only answers "passes" when class-validator would find no error: it calls the same constraints with the
 * same arguments, under the same conditions (whitelist, ValidateIf/IsOptional, IsDefined, `each`,
 * ValidateNested into objects, arrays, Sets and Maps). Anything else (a rule fails, a nested value is
 * not an object of a planned class, a constraint answers with a promise, options or metadata the plan
 * does not model) goes to class-validator itself, so a refused value gets exactly its errors, and
 * class-validator remains the only judge of what is refused.
 *
 * A decorator registered after a plan was built (only code calling registerDecorator at run time does
 * that) drops every plan. The constraint instances are taken once: the app sets no container of its own
 * (useContainer), and class-validator's default one always hands out the same instance.
 */
const storage = getMetadataStorage();
let plans = new WeakMap<object, ClassPlan | null>();
let lookups = new WeakMap<object, Map<string, ValidationMetadata[]>>();
for (const method of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
  const add = storage[method].bind(storage) as (metadata: never) => void;
  storage[method] = (metadata: never) => {
    plans = new WeakMap();
    lookups = new WeakMap();
    add(metadata);
  };
}

/**
 * The metadata lookup itself is kept too, per class and arguments: class-validator makes it for each
 * object it validates (every refused value, and whatever the plan leaves to it), and Nest's pipe for
 * each request whose body holds an object or an array (its check for binary values). Callers only read
 * the list it returns.
 */
const lookUp = storage.getTargetValidationMetadatas.bind(storage);
storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
  if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
  let byArguments = lookups.get(target);
  if (!byArguments) lookups.set(target, byArguments = new Map());
  const key = JSON.stringify([schema, always, strictGroups, groups]);
  let metadatas = byArguments.get(key);
  if (!metadatas) byArguments.set(key, metadatas = lookUp(target, schema, always, strictGroups, groups));
  return metadatas;
};

/** True only when class-validator's `validate` and `validateSync` of `object` with `options` would find no error. */
export function passesPlan(object: object, options: ValidatorOptions): boolean {
  if (typeof object !== 'object' || object === null) return false;
  if (options.groups?.length || options.always || options.strictGroups
    || options.skipMissingProperties || options.skipNullProperties || options.skipUndefinedProperties) return false;
  return passes(object, Boolean(options.whitelist));
}

/** class-validator's validateSync, through the plan first. */
export function validateSyncPlanned(object: object, options: ValidatorOptions): ValidationError[] {
  return passesPlan(object, options) ? [] : validateSync(object, options);
}

function passes(object: object, whitelist: boolean): boolean {
  const plan = planOf(object.constructor);
  if (!plan) return false;
  if (whitelist && Object.keys(object).some((key) => !plan.known.has(key))) return false;
  const values = object as Record<string, unknown>;
  for (const property of plan.properties) {
    const value = values[property.name];
    // Every condition is called, as the executor does, before their answers are combined.
    let judged = true;
    for (const condition of property.conditions) judged = (condition.constraints[0] as (o: object, v: unknown) => boolean)(object, value) && judged;
    if (!judged) continue;
    if (!holds(object, value, property.defined) || !holds(object, value, property.rules)) return false;
    for (let n = 0; n < property.nested; n++) if (!nestedPasses(value, whitelist)) return false;
  }
  return true;
}

function holds(object: object, value: unknown, rules: readonly RulePlan[]): boolean {
  for (const { metadata, constraints } of rules) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
    for (const constraint of constraints) {
      const args = { targetName: object.constructor ? object.constructor.name : undefined, property: metadata.propertyName, object, value, constraints: metadata.constraints };
      if (each ? !arrayOf(value).every((item) => accepted(constraint.validate(item, args))) : !accepted(constraint.validate(value, args))) return false;
    }
  }
  return true;
}

/** A constraint's answer that passes; a promise is class-validator's to await (or, in validateSync, to ignore). */
function accepted(answer: unknown): boolean {
  return Boolean(answer) && typeof (answer as { then?: unknown }).then !== 'function';
}

/** `@ValidateNested`: an object is validated as its own class, each item of an array, a Set or a Map in turn. */
function nestedPasses(value: unknown, whitelist: boolean): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) return arrayOf(value).every((item) => nestedPasses(item, whitelist));
  return value instanceof Object && passes(value, whitelist);
}

function arrayOf(value: unknown[] | Set<unknown> | Map<unknown, unknown>): unknown[] {
  return value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : [...value];
}

function planOf(target: unknown): ClassPlan | null {
  if (typeof target !== 'function') return null;
  let plan = plans.get(target);
  if (plan === undefined) {
    plan = buildPlan(target);
    plans.set(target, plan);
  }
  return plan;
}

/** null: a class the plan does not model (no rule at all, promise or asynchronous rules), left to class-validator. */
function buildPlan(target: Function): ClassPlan | null {
  const metadatas = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false);
  if (metadatas.length === 0) return null;
  if (metadatas.some((metadata) => !MODELLED.includes(metadata.type))) return null;
  const rules = (list: ValidationMetadata[], type: string): RulePlan[] | null => {
    const picked = list.filter((metadata) => metadata.type === type).map((metadata) => ({
      metadata, constraints: storage.getTargetValidatorConstraints(metadata.constraintCls),
    }));
    if (picked.some(({ constraints }) => constraints.some((c) => c.async))) return null;
    return picked.map(({ metadata, constraints }) => ({ metadata, constraints: constraints.map((c) => c.instance as Constraint) }));
  };
  const byProperty = Map.groupBy(metadatas, (metadata) => metadata.propertyName);
  const properties: PropertyPlan[] = [];
  for (const [name, list] of byProperty) {
    const defined = rules(list, ValidationTypes.IS_DEFINED);
    const custom = rules(list, ValidationTypes.CUSTOM_VALIDATION);
    if (!defined || !custom) return null;
    properties.push({
      name,
      conditions: list.filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION),
      defined,
      rules: custom,
      nested: list.filter((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION).length,
    });
  }
  return { properties, known: new Set(byProperty.keys()) };
}
