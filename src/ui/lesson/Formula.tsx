/**
 * A formula typeset by KaTeX in this page (its CSS and fonts are bundled: no CDN). KaTeX builds
 * DOM nodes into the element (katex.render), so no HTML string is parsed; a TeX error shows the
 * source in red instead of throwing.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useLayoutEffect, useRef } from 'react';

export function Formula({ tex, label }: { tex: string; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { displayMode: true, throwOnError: false, output: 'htmlAndMathml' });
  }, [tex]);
  return <div className="formula-tex" translate="no" ref={ref} role="math" aria-label={label} data-testid="lesson-formula" />;
}
