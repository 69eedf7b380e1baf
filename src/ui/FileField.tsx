/**
 * The studio's file input, for every panel that reads a file (dataset upload, run import, the
 * transfer panel's rule files). Its words come from the message table: the browser's own button
 * and "no file" text speak the browser's language, not the studio's, so the native control is
 * visually hidden (still focused, keyboard-operated and announced with its label) and a
 * button-like face shows the studio's words.
 */
import { useId, useRef } from 'react';
import { useT } from './i18n/useT';

export function FileField({ label, accept, onFile }: { label: string; accept?: string; onFile(file: File | null): void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="field file-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        className="visually-hidden"
        onChange={(e) => {
          onFile(e.target.files?.[0] ?? null);
          e.target.value = ''; // picking the same file again must read it again
        }}
      />
      <span className="file-button" aria-hidden="true" onClick={() => input.current?.click()}>
        {t('dataset.chooseFile')}
      </span>
    </div>
  );
}
