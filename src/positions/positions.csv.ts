import { toCsv } from '../stance-changes/formats/csv.js';
import type { PositionsView } from './positions.view.js';

/** A header `actor` then one column per topic id; one row per actor id; a cell is the stance, `?` appended when uncertain. */
export function positionsCsv(grid: PositionsView): string {
  const column = new Map(grid.topics.map((t, i) => [t.id, i]));
  const rows = grid.actors.map((actor) => {
    const row: string[] = grid.topics.map(() => '');
    for (const cell of grid.cells) {
      if (cell.actorId === actor.id) row[column.get(cell.topicId)!] = cell.uncertain ? `${cell.stance}?` : cell.stance;
    }
    return [actor.id, ...row];
  });
  return toCsv(['actor', ...grid.topics.map((t) => t.id)], rows);
}
