/**
 * What every panel that runs a job in a worker (compression, rating, sweep, transfer) shows to run
 * it: the run button, a stop button where the job can stop, the progress bar with its sentence,
 * and the failure sentence. One markup, so the panels look alike and screen readers hear progress
 * (status) and failures (alert) the same way everywhere. Words come from the caller, already
 * translated.
 */
import type { ReactNode } from 'react';

export interface JobControlsProps {
  run: { label: string; onClick(): void; disabled: boolean; primary?: boolean };
  /**
   * Omitted for a job that cannot be stopped. Beside the run button (disabled while idle), or,
   * with `instead`, in its place while the job runs.
   */
  stop?: { label: string; onClick(): void; instead?: boolean };
  running: boolean;
  /** The bar (value in 0..1; undefined: not known yet) and its sentence; null hides both. */
  progress: { label: string; value: number | undefined; text: ReactNode } | null;
  /** The whole failure sentence; null hides it. */
  error: string | null;
  /** Beside the buttons, e.g. what a run will cost. */
  children?: ReactNode;
}

export function JobControls({ run, stop, running, progress, error, children }: JobControlsProps) {
  const runButton = (
    <button type="button" className={run.primary ? 'primary' : undefined} onClick={run.onClick} disabled={run.disabled}>
      {run.label}
    </button>
  );
  const stopButton = stop && (
    <button type="button" onClick={stop.onClick} disabled={!running}>
      {stop.label}
    </button>
  );
  return (
    <div className="job-controls">
      <div className="buttons">
        {stop?.instead ? (running ? stopButton : runButton) : (
          <>
            {runButton}
            {stopButton}
          </>
        )}
        {children}
      </div>
      {progress && (
        <div className="progress" role="status">
          <progress aria-label={progress.label} max={1} value={progress.value} />
          <span>{progress.text}</span>
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
