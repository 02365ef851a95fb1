import { classifyChange, type StatedPosition } from './classify-change.js';

const decree2022: StatedPosition = { stance: 'strongly_oppose', conditions: [], statedAt: '2022' };
const interview2025: StatedPosition = {
  stance: 'support', conditions: ['if it is the only viable path to peace', 'if it prevents further loss of life in Ukraine'], statedAt: '2025-02-04',
};

describe('classifying a stance change', () => {
  it('given Zelensky opposed talks in 2022, when he states conditional support in 2025, the change is a reversal, full_flop', () => {
    expect(classifyChange(decree2022, interview2025)).toEqual({ kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: 3, orderUncertain: false });
  });

  it('given support, when the actor later opposes, the change is a reversal with a negative delta', () => {
    expect(classifyChange({ stance: 'support', conditions: [], statedAt: '2024-03' }, { stance: 'oppose', conditions: [], statedAt: '2025' }))
      .toMatchObject({ kind: 'reversal', flipOMeter: 'full_flop', scoreDelta: -2 });
  });

  it('given support, when the actor states strong support, the change is a shift, half_flip', () => {
    expect(classifyChange({ stance: 'support', conditions: [], statedAt: '2024' }, { stance: 'strongly_support', conditions: [], statedAt: '2025' }))
      .toEqual({ kind: 'shift', flipOMeter: 'half_flip', scoreDelta: 1, orderUncertain: false });
  });

  it.each([
    ['oppose', 'neutral', 1],
    ['neutral', 'support', 1],
    ['strongly_support', 'neutral', -2],
    ['strongly_oppose', 'oppose', 1],
  ] as const)('given %s, when the actor moves to %s without crossing to the other side, the change is a shift', (from, to, delta) => {
    expect(classifyChange({ stance: from, conditions: [], statedAt: '2023' }, { stance: to, conditions: [], statedAt: '2024' }))
      .toMatchObject({ kind: 'shift', flipOMeter: 'half_flip', scoreDelta: delta });
  });

  it('given conditional support, when the same support is stated under other conditions, the conditions changed, half_flip', () => {
    const later = { ...interview2025, statedAt: '2025-03-01', conditions: ['if Europe is at the table'] };
    expect(classifyChange(interview2025, later)).toEqual({ kind: 'conditions_changed', flipOMeter: 'half_flip', scoreDelta: 0, orderUncertain: false });
  });

  it('given conditional support, when the same support is stated with a condition dropped, the conditions changed', () => {
    const later = { ...interview2025, statedAt: '2025-03-01', conditions: [interview2025.conditions[0]] };
    expect(classifyChange(interview2025, later).kind).toBe('conditions_changed');
  });

  it('given conditional support, when the same stance and conditions are stated again, it is unchanged, no_flip', () => {
    expect(classifyChange(interview2025, { ...interview2025, statedAt: '2025-03-01' }))
      .toEqual({ kind: 'unchanged', flipOMeter: 'no_flip', scoreDelta: 0, orderUncertain: false });
  });

  it('given the conditions restated in another order, spacing and case, when compared, they are the same set: unchanged', () => {
    const restated = { ...interview2025, statedAt: '2025-03-01',
      conditions: ['  If it prevents further   loss of life in Ukraine', 'IF IT IS THE ONLY VIABLE PATH TO PEACE  '] };
    expect(classifyChange(interview2025, restated).kind).toBe('unchanged');
  });
});

describe('the order of statements of year or month precision', () => {
  it('given a statement dated 2025 and one of 2025-02-04, then which came first is uncertain', () => {
    expect(classifyChange({ ...decree2022, statedAt: '2025' }, interview2025).orderUncertain).toBe(true);
  });

  it('given two statements both dated 2022, then their order is uncertain', () => {
    expect(classifyChange(decree2022, { ...interview2025, statedAt: '2022' }).orderUncertain).toBe(true);
  });

  it('given 2025-02 and 2025-02-28, then the periods overlap; 2025-01 and 2025-02-01 do not', () => {
    expect(classifyChange({ ...decree2022, statedAt: '2025-02' }, { ...interview2025, statedAt: '2025-02-28' }).orderUncertain).toBe(true);
    expect(classifyChange({ ...decree2022, statedAt: '2025-01' }, { ...interview2025, statedAt: '2025-02-01' }).orderUncertain).toBe(false);
  });

  it('given two statements of the same day, then their order within the day is uncertain', () => {
    expect(classifyChange({ ...decree2022, statedAt: '2025-02-04' }, interview2025).orderUncertain).toBe(true);
  });

  it('given the 2022 decree and the 2025 interview, then the order is certain', () => {
    expect(classifyChange(decree2022, interview2025).orderUncertain).toBe(false);
  });
});
