import { useTranslation } from 'react-i18next';
import { Table, type Column } from '../../../../platform/web/components/Table';
import type { PublicArea, PublicKeyFigure } from '../../contract';
import { figureText, formatFigure, yearsOf } from '../public-format';

/** The key figures per year: the area's value, the municipality's, and the index (the municipality = 100). */
export function KeyFigures({ area, figures }: { area: PublicArea; figures: readonly PublicKeyFigure[] }) {
  const { t, i18n } = useTranslation();
  const words = { suppressed: t('publicpages:figures.suppressed'), unknown: t('publicpages:figures.unknown') };
  const city = area.municipalityName ?? t('publicpages:figures.municipality');
  if (figures.length === 0) return <p className="utrecht-paragraph">{t('publicpages:figures.none')}</p>;
  const columns: Column<PublicKeyFigure>[] = [
    { key: 'name', header: t('publicpages:figures.figure'), rowHeader: true, render: (f) => (f.unit && f.unit !== 'aantal' ? `${f.name} (${f.unit})` : f.name) },
    ...yearsOf(figures).map((period) => ({
      key: String(period),
      header: String(period),
      render: (f: PublicKeyFigure) => {
        const y = f.years.find((item) => item.period === period);
        if (!y) return <span className="wr-muted">{words.unknown}</span>;
        return (
          <>
            <span className="wr-public-figure">{figureText(y, f, i18n.language, words)}</span>
            <br />
            <span className="wr-muted">
              {city}: {y.municipalityValue === null ? words.unknown : formatFigure(y.municipalityValue, f, i18n.language)}
              {y.index !== null ? ` · ${t('publicpages:figures.index', { index: Math.round(y.index) })}` : null}
            </span>
          </>
        );
      },
    })),
  ];
  return <Table compact caption={t('publicpages:figures.caption', { area: area.name, city })} columns={columns} rows={figures} rowKey={(f) => f.indicator} />;
}
