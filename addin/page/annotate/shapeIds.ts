/**
 * VML shape ids of a package. Each drawing part reserves blocks of 1024 ids, listed in its
 * `<o:idmap data="…">`, and no two parts of a workbook may reserve the same block (ISO/IEC 29500-1
 * §14.2.2.14 `idmap`; the repair prompt exceljs/exceljs#3070 reports when two parts share one). Excel
 * numbers the shapes of block b from b × 1024 + 1, so a block holds 1023 of them.
 */
const blockSize = 1024;

/** The blocks a drawing's `o:idmap` lists: numbers and ranges (`1,3-4`), separated by commas or spaces. */
export function idmapBlocks(vml: string): number[] {
  const data = /<\w+:idmap\b[^>]*\sdata\s*=\s*"([^"]*)"/u.exec(vml)?.[1] ?? '';
  return data
    .split(/[,\s]+/u)
    .filter((item) => /^\d+(?:-\d+)?$/u.test(item))
    .flatMap((item) => {
      const [from, to = from] = item.split('-').map(Number);
      return to - from > 4096 ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

/** The numbers of the drawing's shapes (`_x0000_s1025`). */
export function shapeNumbers(vml: string): number[] {
  return [...vml.matchAll(/\sid\s*=\s*"_x0000_s(\d+)"/gu)].map((m) => Number(m[1]));
}

/** The blocks every drawing of the package uses, and fresh ones handed out. */
export class ShapeBlocks {
  private readonly used = new Set<number>();

  constructor(drawings: readonly string[]) {
    for (const vml of drawings) {
      for (const block of idmapBlocks(vml)) this.used.add(block);
      for (const id of shapeNumbers(vml)) this.used.add(Math.floor(id / blockSize));
    }
  }

  /** A block no drawing uses yet, now reserved. */
  take(): number {
    let block = 1;
    while (this.used.has(block)) block++;
    this.used.add(block);
    return block;
  }

  /**
   * Ids for `count` new shapes of a drawing that reserves `own` blocks and holds shapes `taken`: the
   * free ids of its own blocks first, then fresh blocks. Returns the ids and all blocks it reserves after.
   */
  allocate(own: readonly number[], taken: readonly number[], count: number): { ids: number[]; blocks: number[] } {
    const blocks = [...own];
    const busy = new Set(taken);
    const ids: number[] = [];
    for (let i = 0; ids.length < count; i++) {
      if (i === blocks.length) blocks.push(this.take());
      for (let k = 1; k < blockSize && ids.length < count; k++) {
        const id = blocks[i] * blockSize + k;
        if (!busy.has(id)) ids.push(id);
      }
    }
    return { ids, blocks };
  }
}
