/**
 * A message with React nodes in its placeholders (links inside a sentence), so a translation can
 * move the link within the sentence. Text parts stay React text: nothing is parsed as HTML.
 */
import { Fragment, type ReactNode } from 'react';
import { useStudio } from '../../state/store';
import { uiSelectors } from '../../state/uiSlice';
import { MESSAGES, type MessageKey } from './translate';
import { en } from './en';

/** Props of {@link Trans}: the message key and a node or text per placeholder. */
export interface TransProps {
  k: MessageKey;
  parts: Readonly<Record<string, ReactNode>>;
}

export function Trans({ k, parts }: TransProps) {
  const lang = useStudio(uiSelectors.language);
  const template = (MESSAGES[lang] ?? en)[k] ?? en[k];
  const pieces = template.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((p, i) => {
        const name = /^\{(\w+)\}$/.exec(p)?.[1];
        return <Fragment key={i}>{name !== undefined && name in parts ? parts[name] : p}</Fragment>;
      })}
    </>
  );
}
