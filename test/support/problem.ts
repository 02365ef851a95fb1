/** The fields a problem+json validation answer names, each once. */
export const fieldsOf = (problem: { errors?: { field: string }[] }): string[] => [...new Set((problem.errors ?? []).map((e) => e.field))];
