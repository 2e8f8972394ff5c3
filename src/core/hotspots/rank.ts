/** A cell's place in the ranking by value, with its share and the running share of all cells above it. */
export interface RankedCell {
  index: number;
  rank: number;
  value: number;
  share: number;
  cumulativeShare: number;
}

/**
 * Ranks cells by value, highest first (ties by index, so the order is stable). Share is of the total
 * over all cells: "the top 20 cells hold 31% of ASB".
 */
export function rankCells(values: ArrayLike<number>): RankedCell[] {
  let total = 0;
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    order.push(i);
  }
  order.sort((a, b) => values[b] - values[a] || a - b);
  let running = 0;
  return order.map((index, position) => {
    running += values[index];
    return {
      index,
      rank: position + 1,
      value: values[index],
      share: total > 0 ? values[index] / total : 0,
      cumulativeShare: total > 0 ? running / total : 0,
    };
  });
}
