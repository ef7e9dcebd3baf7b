import { useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode, type PointerEvent, type WheelEvent } from 'react';
import type { BoardView } from './api.js';
import { boardElements, parseBoardSvg, type Highlight } from './svg-elements.js';

export interface Marker {
  x_mm: number;
  y_mm: number;
  label: string;
}

interface Props {
  view: BoardView;
  highlight: Highlight;
  marker: Marker | null;
  onPickNet(net: string | null): void;
}

interface Hover {
  ref: string | null;
  value: string | null;
  net: string | null;
}

/** The board at one log position: the server's layered SVG, with zoom (wheel, buttons), pan (drag), hover and net picking. */
export function Board({ view, highlight, marker, onPickNet }: Props) {
  const parsed = useMemo(() => (view.svg ? parseBoardSvg(view.svg) : null), [view.svg]);
  // Converted layer groups, valid for one highlight (svg-elements.ts).
  const groups = useMemo(() => new Map<string, ReactNode>(), [highlight]);
  const content = useMemo(() => (parsed ? boardElements(parsed, highlight, groups) : []), [parsed, highlight, groups]);
  const [zoom, setZoom] = useState({ scale: 1, cx: 0.5, cy: 0.5 });
  const [hover, setHover] = useState<Hover>({ ref: null, value: null, net: null });
  const drag = useRef<{ x: number; y: number; cx: number; cy: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const values = useMemo(() => new Map((view.components ?? []).map((c) => [c.ref, c.value])), [view.components]);
  if (!parsed) return <p className="empty">No board to draw at this position.</p>;

  const [x0, y0, w0, h0] = parsed.viewBox;
  const w = w0 / zoom.scale;
  const h = h0 / zoom.scale;
  const vx = x0 + zoom.cx * w0 - w / 2;
  const vy = y0 + zoom.cy * h0 - h / 2;
  const zoomBy = (f: number) => setZoom((z) => ({ ...z, scale: Math.min(40, Math.max(1, z.scale * f)) }));
  const onWheel = (e: WheelEvent) => zoomBy(e.deltaY < 0 ? 1.25 : 0.8);
  const onDown = (e: PointerEvent) => {
    drag.current = { x: e.clientX, y: e.clientY, cx: zoom.cx, cy: zoom.cy };
  };
  const onMove = (e: PointerEvent) => {
    const target = e.target as Element;
    const ref = target.getAttribute('data-ref');
    const net = target.getAttribute('data-net');
    if (ref !== hover.ref || net !== hover.net) setHover({ ref, net, value: ref !== null ? (values.get(ref) ?? null) : null });
    const d = drag.current;
    const box = svgRef.current?.getBoundingClientRect();
    if (!d || !box || (e.buttons & 1) === 0) return;
    const dx = (e.clientX - d.x) / box.width / zoom.scale;
    const dy = (e.clientY - d.y) / box.height / zoom.scale;
    if (Math.abs(dx) + Math.abs(dy) > 0.002) setZoom((z) => ({ ...z, cx: d.cx - dx, cy: d.cy - dy }));
  };
  const onClick = (e: ReactMouseEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d && Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 4) return; // that was a pan
    onPickNet((e.target as Element).getAttribute('data-net'));
  };

  return (
    <div className="board">
      <div className="board-tools" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.5)} aria-label="Zoom in">+</button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out">−</button>
        <button type="button" onClick={() => setZoom({ scale: 1, cx: 0.5, cy: 0.5 })}>Fit</button>
        <span className="hover" data-testid="hover-info">
          {hover.ref !== null ? `${hover.ref}${hover.value ? ` · ${hover.value}` : ''}` : ''}
          {hover.net !== null ? `${hover.ref !== null ? ' · ' : ''}net ${hover.net}` : ''}
        </span>
      </div>
      <svg
        ref={svgRef}
        className="board-svg"
        viewBox={`${vx} ${vy} ${w} ${h}`}
        data-board-seq={view.seq}
        role="img"
        aria-label={`Board of ${view.design_name} after event ${view.seq}`}
        onWheel={onWheel}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onClick={onClick}
      >
        {content}
        {marker && (
          <g className="marker" data-testid="violation-marker">
            <title>{marker.label}</title>
            <circle cx={marker.x_mm} cy={marker.y_mm} r={Math.max(0.8, w0 / 40)} />
            <circle cx={marker.x_mm} cy={marker.y_mm} r={Math.max(0.3, w0 / 120)} />
          </g>
        )}
      </svg>
    </div>
  );
}
