/**
 * A recharts chart as a PNG: its SVG is serialised (with the page's font and a white background,
 * which a bare SVG lacks), drawn into a canvas at twice the size for a sharp slide, and encoded.
 * The title and the legend are HTML on the page (ChartLegend.tsx), so they are drawn onto the
 * canvas above and below the chart: a slide needs them.
 */

/** What is drawn around the chart: a title above, legend entries below. */
export interface ChartFrame {
  title: string;
  legend: { name: string; color: string }[];
}

const TITLE_H = 34;
const LEGEND_H = 26;

/** Legend rows of entries laid out left to right in `width` (CSS pixels). */
function legendRows(ctx: CanvasRenderingContext2D, legend: ChartFrame['legend'], width: number): { name: string; color: string; x: number }[][] {
  const rows: { name: string; color: string; x: number }[][] = [[]];
  let x = 8;
  for (const e of legend) {
    const w = 30 + ctx.measureText(e.name).width + 18;
    if (x + w > width && rows.at(-1)!.length) {
      rows.push([]);
      x = 8;
    }
    rows.at(-1)!.push({ ...e, x });
    x += w;
  }
  return legend.length ? rows : [];
}

/** PNG bytes of an on-screen SVG chart, with its title and legend. Rejects when the browser cannot draw it. */
export async function svgToPng(svg: SVGSVGElement, frame: ChartFrame = { title: '', legend: [] }, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const font = getComputedStyle(svg).fontFamily;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('style', `font-family: ${font}; font-size: 14px; background: #fff`);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  clone.insertBefore(bg, clone.firstChild);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = w;
    img.height = h;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    const measure = canvas.getContext('2d');
    if (!measure) throw new Error('no 2D canvas in this browser');
    measure.font = `15px ${font}`;
    const rows = legendRows(measure, frame.legend, w);
    const top = frame.title ? TITLE_H : 0;
    canvas.width = w * scale;
    canvas.height = (top + h + rows.length * LEGEND_H + 6) * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, canvas.height / scale);
    ctx.fillStyle = '#14171f';
    ctx.textBaseline = 'middle';
    if (frame.title) {
      ctx.font = `600 18px ${font}`;
      ctx.fillText(frame.title, 8, TITLE_H / 2);
    }
    ctx.drawImage(img, 0, top, w, h);
    ctx.font = `15px ${font}`;
    rows.forEach((row, r) => {
      const y = top + h + r * LEGEND_H + LEGEND_H / 2;
      for (const e of row) {
        ctx.fillStyle = e.color;
        ctx.fillRect(e.x, y - 2, 22, 4);
        ctx.fillStyle = '#14171f';
        ctx.fillText(e.name, e.x + 30, y);
      }
    });
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The first recharts chart inside `root` (a panel), or null. */
export function chartSvgIn(root: Element | null): SVGSVGElement | null {
  return root?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null;
}

/** The title (`titleSelector`) and ChartLegend entries shown with a chart inside `root`. */
export function chartFrameIn(root: Element, titleSelector: string): ChartFrame {
  const legend = [...root.querySelectorAll('.legend li')].map((li) => {
    const mark = li.querySelector('line, rect');
    return { name: li.textContent?.trim() ?? '', color: mark?.getAttribute('stroke') ?? mark?.getAttribute('fill') ?? '#14171f' };
  });
  return { title: root.querySelector(titleSelector)?.textContent?.trim() ?? '', legend };
}
