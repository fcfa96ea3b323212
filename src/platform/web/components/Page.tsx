import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from './Heading';

let firstPageShown = false;

/** For unit tests that render several pages in one document. */
export function resetPageFocusForTests(): void {
  firstPageShown = false;
}

interface PageProps {
  title: string;
  /** A line under the title that says what the page is for. */
  lead?: ReactNode;
  /** Buttons next to the title. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * One page: sets the browser title and, after a client-side navigation, moves focus to the page heading so
 * screen-reader users hear where they landed (a full page load does that by itself).
 */
export function Page({ title, lead, actions, children }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} – ${t('common:app.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPageShown) headingRef.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <div className="wr-page">
      <div className="wr-page__title">
        <div>
          <Heading level={1} ref={headingRef} tabIndex={-1} id="page-heading" className="wr-page__heading">
            {title}
          </Heading>
          {lead ? <p className="utrecht-paragraph utrecht-paragraph--lead wr-page__lead">{lead}</p> : null}
        </div>
        {actions ? <div className="wr-page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

/** A titled block within a page. */
export function Section({ title, children, headingLevel = 2, id }: { title: ReactNode; children: ReactNode; headingLevel?: 2 | 3; id?: string }) {
  const generated = useId();
  const headingId = id ? `${id}-heading` : generated;
  return (
    <section className="wr-section" aria-labelledby={headingId} id={id}>
      <Heading level={headingLevel} id={headingId} className="wr-section__heading">
        {title}
      </Heading>
      {children}
    </section>
  );
}
