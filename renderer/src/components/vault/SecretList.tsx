import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Secret } from '../../api/types';
import { useDateLocale } from '../../hooks/useDateLocale';
import { useNow } from '../../hooks/useNow';
import { SecretRow } from './SecretRow';
import './secret-table.css';

export const ROW_HEIGHT = 56;
/** Rows built above and below the visible ones, so scrolling never shows a gap. */
const SPARE_ROWS = 8;

const COLUMNS = [
  { label: 'Name', className: 'col--name' },
  { label: 'Provider', className: 'col--provider' },
  { label: 'Project', className: 'col--project' },
  { label: 'Value', className: 'col--value' },
  { label: 'Rotated', className: 'col--last-rotated' },
  { label: 'Due', className: 'col--due' },
  { label: 'Actions', className: 'col--actions' },
] as const;

/**
 * The keys, virtualised: only the rows in view (plus a few) exist in the DOM, so 10,000 keys
 * scroll like 10. One row at a time is in the tab order (roving tabindex); arrows, Page keys,
 * Home and End move between rows and scroll the list to keep the focused row in view.
 */
export function SecretList({ secrets }: { secrets: readonly Secret[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  /** A keyboard move asked for the active row to get focus once it is rendered. */
  const focusPending = useRef(false);
  const now = useNow();
  const locale = useDateLocale();
  // the first frame builds only the rows in view: the spare ones follow a frame later
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setOverscan(SPARE_ROWS));
    return () => cancelAnimationFrame(frame);
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: secrets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan,
    // the list never outgrows the window: rows can render in the first pass, before it is measured
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    getItemKey: (index) => secrets[index]?.id ?? index,
  });

  const activeIndex = useMemo(() => (activeId === null ? -1 : secrets.findIndex((secret) => secret.id === activeId)), [activeId, secrets]);
  const items = virtualizer.getVirtualItems();
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const firstInView = items.find((item) => item.start >= scrollTop) ?? items[0];
  const tabbableIndex = activeIndex >= 0 && items.some((item) => item.index === activeIndex) ? activeIndex : (firstInView?.index ?? -1);

  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(secrets.length - 1, index));
      const secret = secrets[target];
      if (!secret) return;
      setActiveId(secret.id);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const rendered = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
      if (rendered) rendered.focus({ preventScroll: true });
      else focusPending.current = true;
    },
    [secrets, virtualizer],
  );

  // After a keyboard move the target row may only exist once the list has scrolled: focus it
  // on the first render that has it, once.
  useEffect(() => {
    if (!focusPending.current || activeIndex < 0) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (!row) return;
    focusPending.current = false;
    row.focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
    if (!row) return;
    const index = Number(row.dataset['index']);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: secrets.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    // Home/End inside a text field belong to the field; rows have none, so only rows and buttons get here
    event.preventDefault();
    moveTo(next);
  };

  const onActivate = useCallback((id: string) => setActiveId(id), []);

  return (
    <div className="secret-table" role="grid" aria-label="Keys" aria-rowcount={secrets.length + 1} aria-colcount={COLUMNS.length}>
      <div className="secret-table__head" role="rowgroup">
        <div className="secret-grid secret-table__head-row" role="row" aria-rowindex={1}>
          {COLUMNS.map(({ label, className }) => (
            <div key={label} role="columnheader" className={`col ${className}`}>
              {label === 'Actions' ? <span className="visually-hidden">{label}</span> : label}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="secret-table__scroll" role="rowgroup" onKeyDown={onKeyDown}>
        <div className="secret-table__spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const secret = secrets[item.index];
            if (!secret) return null;
            return (
              <SecretRow
                key={item.key}
                secret={secret}
                index={item.index}
                top={item.start}
                tabbable={item.index === tabbableIndex}
                active={item.index === activeIndex}
                now={now}
                locale={locale}
                onActivate={onActivate}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
