import { useTranslation } from 'react-i18next';
import { colourFor } from '../../../../platform/web/map/colour-scale';
import { formatFigure } from '../format';

interface LegendProps {
  title: string;
  breaks: readonly number[];
  palette: readonly string[];
  decimals: number;
  /** Count of areas without a value, shown on the "geen gegevens" entry. */
  noData: number;
  note?: string;
}

/** The class breaks of a choropleth as a list: swatch and range, lowest first, then "geen gegevens". */
export function Legend({ title, breaks, palette, decimals, noData, note }: LegendProps) {
  const { t, i18n } = useTranslation();
  const classes = Math.max(0, breaks.length - 1);
  const locale = i18n.language;
  return (
    <div className="wr-legend-box">
      <p className="wr-legend__title" id="map-legend-title">
        {title}
      </p>
      <ul className="wr-legend" aria-labelledby="map-legend-title">
        {Array.from({ length: classes }, (_, index) => {
          const from = formatFigure(breaks[index], decimals, locale);
          const to = formatFigure(breaks[index + 1], decimals, locale);
          return (
            <li key={index} className="wr-legend__item">
              <span className="wr-legend__swatch" data-fill={colourFor(index, palette)} ref={(element) => element?.style.setProperty('background-color', colourFor(index, palette))} aria-hidden="true" />
              <span>{t('indicators:map.legendRange', { from, to })}</span>
            </li>
          );
        })}
        <li className="wr-legend__item">
          <span className="wr-legend__swatch wr-legend__swatch--no-data" aria-hidden="true" />
          <span>{t('indicators:map.noData', { count: noData })}</span>
        </li>
      </ul>
      {note ? <p className="utrecht-paragraph wr-muted wr-legend__note">{note}</p> : null}
    </div>
  );
}
