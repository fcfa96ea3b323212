import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../i18n';
import { useChangeLocale } from '../i18n/use-locale';
import { classNames } from './class-names';

/** Two buttons, each language named in itself (and marked with its lang) so everyone can find their own. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  const [savedLocally, setSavedLocally] = useState(false);
  const current = i18n.language;
  return (
    <div className="wr-language-switch" role="group" aria-label={t('common:language.label')}>
      {LOCALES.map((locale: Locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className={classNames('wr-language-switch__option', current === locale && 'wr-language-switch__option--current')}
          aria-pressed={current === locale}
          onClick={() => {
            void changeLocale(locale).then((savedOnAccount) => setSavedLocally(!savedOnAccount));
          }}
        >
          {t(`common:language.${locale}`)}
        </button>
      ))}
      <span role="status" className={savedLocally ? 'wr-language-switch__note' : 'wr-visually-hidden'}>
        {savedLocally ? t('common:language.saveFailed') : ''}
      </span>
    </div>
  );
}
