export function layoutProblems(): string[];
export function shownTimelineItems(): number;
