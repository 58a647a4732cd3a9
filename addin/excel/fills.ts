/**
 * Reading and putting back a cell's fill, as far as the host lets the add-in. With ExcelApi 1.9 a
 * fill is read and restored whole (`getCellProperties`/`setCellProperties`). Older hosts (Office 2019
 * at ExcelApi 1.7) have only `range.format.fill.color` and `clear()` (ExcelApi 1.1): the colour
 * alone, `#FFFFFF` both for no fill and for a white one (OfficeDev/office-js #4900), and a pattern
 * reads as its background colour. There a white fill is recorded, and later restored, as no fill,
 * and any other colour as a solid fill of it.
 */
import type { CellFillProperties, ClientResult, FillProperties, HostFeatures, RangeApi } from './api';
import { fillPropertyNames, isNoFill } from './marks';

const white = '#FFFFFF';

/** A fill read by its colour alone, in the shape a fill read whole has. */
export function fillFromColour(color: string): FillProperties {
  return color.toUpperCase() === white ? { color: white, pattern: null } : { color, pattern: 'Solid' };
}

/** Queues a read of the cell's fill; its `value` is readable after the next sync. */
export function readFill(range: RangeApi, features: HostFeatures): ClientResult<CellFillProperties[][]> {
  if (features.cellProperties !== false) return range.getCellProperties({ format: { fill: fillPropertyNames } });
  const fill = range.format.fill.load('color');
  return {
    get value() {
      return [[{ format: { fill: fillFromColour(fill.color) } }]];
    },
  };
}

/** A fill as `setCellProperties` takes it: properties Excel reported as null are left out. */
function settableFill(fill: FillProperties): FillProperties {
  return Object.fromEntries(Object.entries(fill).filter(([, v]) => v !== null && v !== undefined)) as FillProperties;
}

/**
 * Queues putting `fill` back. No fill is restored by clearing, never by painting white: writing
 * #FFFFFF paints a white fill that hides the gridlines (#2349).
 */
export function restoreFill(range: RangeApi, fill: FillProperties, features: HostFeatures): void {
  if (isNoFill(fill)) range.format.fill.clear();
  else if (features.cellProperties !== false) range.setCellProperties([[{ format: { fill: settableFill(fill) } }]]);
  else if (typeof fill.color === 'string') range.format.fill.color = fill.color;
}
