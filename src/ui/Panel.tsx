/** The frame every panel shares: a landmark section named by its heading. */
import { useId, type ReactNode } from 'react';

/** Props of {@link Panel}: the heading text, a grid-area class, and the body. */
export interface PanelProps {
  title: string;
  /** Grid area / extra class, e.g. 'area-loss'. */
  className?: string;
  /** Extra content in the heading row (a status, a small control). */
  aside?: ReactNode;
  /** data-testid of the section (the guided lesson and the e2e tests find panels by it). */
  testId?: string;
  children: ReactNode;
}

/** A titled region (`<section aria-labelledby>`), so screen readers and tests find panels by name. */
export function Panel({ title, className, aside, testId, children }: PanelProps) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id} data-testid={testId}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
