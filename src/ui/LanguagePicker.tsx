/** Language choice; shown only once the studio speaks more than one language. */
import { useStudio, studioStore } from '../state/store';
import { uiSelectors } from '../state/uiSlice';
import { htmlLang, LANGUAGES, MESSAGES } from './i18n/translate';
import { useT } from './i18n/useT';

export function LanguagePicker() {
  const t = useT();
  const lang = useStudio(uiSelectors.language);
  if (LANGUAGES.length < 2) return null;
  return (
    <label className="language">
      {t('app.language')}{' '}
      <select value={lang} onChange={(e) => studioStore.getState().setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          // each language by its own name (an autonym), in that language, whatever the page speaks
          <option key={l} value={l} lang={htmlLang(l)} translate="no">
            {MESSAGES[l]['language.name']}
          </option>
        ))}
      </select>
    </label>
  );
}
