/**
 * How each CALM node-type looks: its outline, its icon and its accent colour. Every node has the same
 * box size, so a name change never changes the layout (names wrap or are shortened inside the box).
 */

export const SHAPE_KINDS = ['actor', 'service', 'database', 'system', 'ecosystem', 'network', 'ldap', 'webclient', 'data-asset', 'custom'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;
/** Room a container keeps above its members for its title. */
export const CONTAINER_HEADER = 52;
export const CONTAINER_PADDING = 24;

export function shapeOf(nodeType: string | undefined): ShapeKind {
  const t = (nodeType ?? '').trim().toLowerCase();
  return (SHAPE_KINDS as readonly string[]).includes(t) && t !== 'custom' ? (t as ShapeKind) : 'custom';
}

/** What the legend and tooltips call each shape. */
export const SHAPE_LABELS: Readonly<Record<ShapeKind, string>> = {
  actor: 'Actor',
  service: 'Service',
  database: 'Database',
  system: 'System',
  ecosystem: 'Ecosystem',
  network: 'Network',
  ldap: 'LDAP',
  webclient: 'Web client',
  'data-asset': 'Data asset',
  custom: 'Other type',
};

/** The outline of a node of this shape in a w x h box, as SVG path data. */
export function outlinePath(shape: ShapeKind, w: number, h: number): string {
  switch (shape) {
    case 'actor': {
      const r = h / 2;
      return `M${r},0H${w - r}A${r},${r} 0 0 1 ${w - r},${h}H${r}A${r},${r} 0 0 1 ${r},0Z`;
    }
    case 'database': {
      const ry = 8;
      return `M0,${ry}A${w / 2},${ry} 0 0 1 ${w},${ry}V${h - ry}A${w / 2},${ry} 0 0 1 0,${h - ry}Z`;
    }
    case 'network': {
      const c = 16;
      return `M${c},0H${w - c}L${w},${h / 2}L${w - c},${h}H${c}L0,${h / 2}Z`;
    }
    case 'data-asset': {
      const f = 18;
      return `M0,0H${w - f}L${w},${f}V${h}H0Z`;
    }
    case 'ldap':
      return `M0,10V${h - 6}Q0,${h} 6,${h}H${w - 6}Q${w},${h} ${w},${h - 6}V16Q${w},10 ${w - 6},10H${Math.min(96, w / 2) + 8}L${Math.min(96, w / 2)},2H6Q0,2 0,8Z`;
    default: {
      const r = shape === 'ecosystem' ? 18 : shape === 'system' ? 3 : shape === 'custom' ? 4 : 10;
      return roundedRect(w, h, r);
    }
  }
}

export function roundedRect(w: number, h: number, r: number): string {
  const q = Math.min(r, w / 2, h / 2);
  return `M${q},0H${w - q}Q${w},0 ${w},${q}V${h - q}Q${w},${h} ${w - q},${h}H${q}Q0,${h} 0,${h - q}V${q}Q0,0 ${q},0Z`;
}

/** Lines drawn over the outline that finish the shape (a cylinder's lip, a folded corner, a window bar). */
export function decorationPath(shape: ShapeKind, w: number, h: number): string | undefined {
  switch (shape) {
    case 'database':
      return `M0,8A${w / 2},8 0 0 0 ${w},8`;
    case 'data-asset':
      return `M${w - 18},0V18H${w}`;
    case 'system':
      return systemInset(w, h);
    case 'webclient':
      return `M0,14H${w}`;
    default:
      return undefined;
  }
}

function systemInset(w: number, h: number): string {
  return `M6,4H${w - 6}Q${w - 4},4 ${w - 4},6V${h - 6}Q${w - 4},${h - 4} ${w - 6},${h - 4}H6Q4,${h - 4} 4,${h - 6}V6Q4,4 6,4Z`;
}

/** Icons on a 24 x 24 grid, drawn with strokes. */
export const ICONS: Readonly<Record<ShapeKind, string>> = {
  actor: 'M12,4.5a3.6,3.6 0 1 1 0,7.2a3.6,3.6 0 1 1 0,-7.2ZM4.5,20.5c0,-4.6 3.4,-6.6 7.5,-6.6s7.5,2 7.5,6.6',
  service: 'M12,7.5a4.5,4.5 0 1 1 0,9a4.5,4.5 0 1 1 0,-9ZM12,2.5V5.5M12,18.5V21.5M2.5,12H5.5M18.5,12H21.5M5.3,5.3L7.4,7.4M16.6,16.6L18.7,18.7M5.3,18.7L7.4,16.6M16.6,7.4L18.7,5.3',
  database: 'M5,6.5a7,2.8 0 1 0 14,0a7,2.8 0 1 0 -14,0ZM5,6.5V17.5a7,2.8 0 0 0 14,0V6.5M5,12a7,2.8 0 0 0 14,0',
  system: 'M4,4H10.5V10.5H4ZM13.5,4H20V10.5H13.5ZM4,13.5H10.5V20H4ZM13.5,13.5H20V20H13.5Z',
  ecosystem: 'M12,3a9,9 0 1 1 0,18a9,9 0 1 1 0,-18ZM12,3c-3.2,2.6 -3.2,15.4 0,18M12,3c3.2,2.6 3.2,15.4 0,18M3.5,9H20.5M3.5,15H20.5',
  network: 'M12,3a2.5,2.5 0 1 1 0,5a2.5,2.5 0 1 1 0,-5ZM5,16a2.5,2.5 0 1 1 0,5a2.5,2.5 0 1 1 0,-5ZM19,16a2.5,2.5 0 1 1 0,5a2.5,2.5 0 1 1 0,-5ZM10.8,7.6L6.2,16.2M13.2,7.6L17.8,16.2M7.5,18.5H16.5',
  ldap: 'M9,3H15V8H9ZM12,8V12M5,12H19M5,12V16M19,12V16M2.5,16H7.5V21H2.5ZM16.5,16H21.5V21H16.5Z',
  webclient: 'M3,4.5H21V19.5H3ZM3,8.5H21M5.5,6.5H6.5M8,6.5H9M10.5,6.5H11.5',
  'data-asset': 'M6,3H14L18,7V21H6ZM14,3V7H18M8.5,11.5H15.5M8.5,14.5H15.5M8.5,17.5H13',
  custom: 'M12,3L20,7.5V16.5L12,21L4,16.5V7.5ZM4,7.5L12,12L20,7.5M12,12V21',
};
