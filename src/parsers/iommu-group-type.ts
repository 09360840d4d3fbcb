/**
 * The default domain type of each IOMMU group (evidence id `iommu-group-type`): `<group> <type>`
 * per /sys/kernel/iommu_groups/<group>/type (src/collector/collect.sh gen_iommu_group_type). The
 * kernel prints `DMA`, `DMA-FQ` (translated, flush queue), `identity` (passthrough: iommu=pt,
 * iommu.passthrough=1), `blocked`, `unmanaged` or `unknown` (drivers/iommu/iommu.c
 * iommu_group_show_type).
 *
 * Sample: test/fixtures/iommu-group-type/lab-intel-healthy-6.1.txt, line 1 (verbatim):
 *   0 identity
 * Output: one record per group, in listing order. A group whose file could not be read is listed
 * as `# unreadable: <group>` and kept with a null type.
 * Quirks: the listing is empty without IOMMU groups; other lines go to `unparsed`.
 */
import { fields, splitLines, type SourceLine, type UnparsedLine } from './lines.js';

export type IommuDomainType = 'DMA' | 'DMA-FQ' | 'identity' | 'blocked' | 'unmanaged' | 'unknown';

export interface IommuGroupType extends SourceLine {
  readonly group: number;
  /** null when the file could not be read. */
  readonly type: IommuDomainType | null;
}

export interface IommuGroupTypes {
  readonly groups: readonly IommuGroupType[];
  readonly unparsed: readonly UnparsedLine[];
}

const TYPES: ReadonlySet<string> = new Set(['DMA', 'DMA-FQ', 'identity', 'blocked', 'unmanaged', 'unknown']);
const UNREADABLE = /^# unreadable: (\d+)$/;

export function parseIommuGroupType(text: string): IommuGroupTypes {
  const groups: IommuGroupType[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    const u = UNREADABLE.exec(l.text);
    if (u) {
      groups.push({ ...l, group: Number(u[1]), type: null });
      continue;
    }
    const f = fields(l.text);
    if (f.length === 2 && /^\d{1,9}$/.test(f[0] ?? '') && TYPES.has(f[1] ?? '')) {
      groups.push({ ...l, group: Number(f[0]), type: f[1] as IommuDomainType });
      continue;
    }
    if (f.length > 0) unparsed.push(l);
  }
  return { groups, unparsed };
}
