/**
 * What the IOMMU-group picture hands to templates/partials/topology.html.hbs: coordinates and plain
 * strings, drawn with escaped `{{…}}` expressions so bundle text can never become markup.
 */
export type DeviceState = 'vfio' | 'host' | 'none' | 'bridge';

export interface TopoDevice {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly address: string;
  readonly label: string;
  /** The whole name (the label is clipped to fit the card). */
  readonly name: string;
  readonly title: string;
  readonly detail: string;
  readonly state: DeviceState;
  readonly isTarget: boolean;
  readonly isBlocker: boolean;
}

export interface TopoGroup {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly caption: string;
  /** `blocked`: holds a target or vfio-pci device and an endpoint on a host driver; `viable`: holds one and none; `plain`: host devices only. */
  readonly status: 'blocked' | 'viable' | 'plain';
  readonly devices: readonly TopoDevice[];
  readonly more: string | null;
  readonly moreY: number;
  /** Anchor of the first failing finding about a member, when there is one. */
  readonly link: string | null;
}

export interface TopologyView {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly TopoGroup[];
  /** One line that counts what is not drawn, or null when everything is. */
  readonly collapsed: { readonly y: number; readonly text: string } | null;
  /** Plain-text summary for screen readers (the SVG's <desc>). */
  readonly summary: string;
  readonly totalGroups: number;
  readonly totalDevices: number;
}

export const LAYOUT = { width: 960, columns: 3, gap: 16, top: 44, head: 50, row: 36, indent: 14, maxRows: 10, maxGroups: 24 } as const;
