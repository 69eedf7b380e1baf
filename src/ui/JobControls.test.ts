import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JobControls, type JobControlsProps } from './JobControls';

const html = (p: JobControlsProps) => renderToStaticMarkup(createElement(JobControls, p));
const noop = () => {};
const run = { label: 'Run', onClick: noop, disabled: false };

describe('JobControls', () => {
  it('puts stop beside run (disabled while idle) or in its place while running', () => {
    expect(html({ run, stop: { label: 'Stop', onClick: noop }, running: false, progress: null, error: null })).toContain('<button type="button">Run</button><button type="button" disabled="">Stop</button>');
    const swapped = html({ run, stop: { label: 'Stop', onClick: noop, instead: true }, running: true, progress: null, error: null });
    expect(swapped).toContain('>Stop</button>');
    expect(swapped).not.toContain('>Run</button>');
    expect(html({ run, running: false, progress: null, error: null })).not.toContain('Stop');
  });

  it('announces progress as a status with a labelled bar, and a failure as an alert', () => {
    const out = html({ run, running: true, progress: { label: 'Job progress', value: 0.25, text: '1 of 4' }, error: 'It broke.' });
    expect(out).toContain('<div class="progress" role="status"><progress aria-label="Job progress" max="1" value="0.25"></progress><span>1 of 4</span></div>');
    expect(out).toContain('<p class="error" role="alert">It broke.</p>');
    expect(html({ run, running: false, progress: null, error: null })).not.toMatch(/progress|alert/);
  });
});
