/**
 * Keeps the page itself in the studio's language: `<html lang>` (fonts, screen readers,
 * hyphenation) and the tab's title.
 */
import { useEffect } from 'react';
import { useStudio } from '../../state/store';
import { uiSelectors } from '../../state/uiSlice';
import { htmlLang, translate } from './translate';

export function useDocumentLanguage(): void {
  const lang = useStudio(uiSelectors.language);
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = translate(lang, 'app.title');
  }, [lang]);
}
