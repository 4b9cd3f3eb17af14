import { type ReactNode, useState } from 'react';

type Props<T> = {
  items: readonly T[];
  rowHeight: number;
  /** Height of the scrolling viewport in px. */
  height: number;
  render: (item: T, index: number) => ReactNode;
  /** Rows rendered beyond the viewport on each side, so fast scrolling does not show blanks. */
  overscan?: number;
  testId?: string;
};

/**
 * Renders only the rows in view: a fleet of thousands scrolls as smoothly as one of six. Rows have a fixed
 * height, so the window is plain arithmetic (no measuring, no layout thrash).
 */
export function VirtualRows<T>({ items, rowHeight, height, render, overscan = 8, testId }: Props<T>) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  return (
    <div
      className="virtual"
      data-testid={testId}
      style={{ height, overflowY: 'auto' }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div
            key={first + i}
            style={{
              position: 'absolute',
              top: (first + i) * rowHeight,
              height: rowHeight,
              left: 0,
              right: 0,
            }}
          >
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
