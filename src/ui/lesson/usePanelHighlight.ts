/**
 * Outlines the panel a lesson step points at and scrolls it into view. Panels are found by their
 * `data-testid`; one that is not on the page (not built yet, or hidden) is looked for again every
 * half second, and the step says it is missing meanwhile — never an error.
 */
import { useEffect, useState } from 'react';

const HIGHLIGHT = 'lesson-highlight';
const RETRY_MS = 500;

/** Highlights `testId`'s element while mounted; returns whether it was found. */
export function usePanelHighlight(testId: string): boolean {
  const [found, setFound] = useState(true);
  useEffect(() => {
    let el: Element | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    const tryFind = (): boolean => {
      el = document.querySelector(`[data-testid="${CSS.escape(testId)}"]`);
      if (!el) return false;
      el.classList.add(HIGHLIGHT);
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      el.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      return true;
    };
    const ok = tryFind();
    setFound(ok);
    if (!ok) {
      timer = setInterval(() => {
        if (tryFind()) {
          setFound(true);
          if (timer) clearInterval(timer);
          timer = null;
        }
      }, RETRY_MS);
    }
    return () => {
      if (timer) clearInterval(timer);
      (el as Element | null)?.classList.remove(HIGHLIGHT);
    };
  }, [testId]);
  return found;
}
