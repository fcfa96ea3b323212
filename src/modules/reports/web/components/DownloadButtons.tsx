import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { problemMessage } from '../../../../platform/web/i18n/problem-message';
import type { CreateRender, RenderFormat } from '../../contract';
import { askRender, renderFileUrl, renderStatus } from '../reports-api';

/** What to render, without the format: a snapshot's document or a letter's version. */
export type RenderTarget = { kind: 'progress' | 'annual' | 'decisions' | 'subsidy'; snapshotId: string; subject?: string } | { kind: 'letter'; letterId: string; version?: number };

type Phase = { state: 'idle' } | { state: 'running'; format: RenderFormat; progress: number } | { state: 'done'; format: RenderFormat; url: string; fileName: string } | { state: 'failed'; format: RenderFormat; error: unknown };

const POLL_MS = 400;

function download(url: string, fileName: string) {
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  window.document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Download as DOCX or PDF. The server makes the file in the background: the button asks for it, the progress
 * bar follows the server's progress, and the file is downloaded when it is ready (docs/reports.md).
 */
export function DownloadButtons({ target, disabled = false }: { target: RenderTarget; disabled?: boolean }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const cancelled = useRef(false);
  const labelId = useId();
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    cancelled.current = false;
    setPhase({ state: 'idle' });
    return () => {
      cancelled.current = true;
    };
  }, [targetKey]);

  async function start(format: RenderFormat) {
    setPhase({ state: 'running', format, progress: 0 });
    try {
      let status = await askRender({ ...target, format } as CreateRender);
      while (status.status === 'running') {
        if (cancelled.current) return;
        setPhase({ state: 'running', format, progress: status.progress });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await renderStatus(status.id);
      }
      if (cancelled.current) return;
      if (status.status === 'failed') {
        setPhase({ state: 'failed', format, error: null });
        return;
      }
      const url = renderFileUrl(status.id);
      setPhase({ state: 'done', format, url, fileName: status.fileName });
      download(url, status.fileName);
    } catch (error) {
      if (!cancelled.current) setPhase({ state: 'failed', format, error });
    }
  }

  const running = phase.state === 'running';
  const formatName = (format: RenderFormat) => t(`reports:download.formats.${format}`);
  return (
    <div className="wr-downloads">
      <div className="wr-button-group">
        {(['docx', 'pdf'] as const).map((format) => (
          <Button key={format} appearance={format === 'pdf' ? 'primary' : 'secondary'} disabled={disabled || running} busy={running && phase.format === format} onClick={() => void start(format)}>
            {t('reports:download.button', { format: formatName(format) })}
          </Button>
        ))}
      </div>
      <div role="status" className="wr-downloads__status">
        {phase.state === 'running' ? (
          <div className="wr-downloads__progress">
            <span id={labelId}>{t('reports:download.running', { format: formatName(phase.format) })}</span>
            <progress className="wr-downloads__bar" max={100} value={phase.progress} aria-labelledby={labelId} />
            <span className="wr-downloads__percent">{t('reports:download.percent', { percent: phase.progress })}</span>
          </div>
        ) : null}
        {phase.state === 'done' ? (
          <p className="utrecht-paragraph">
            {t('reports:download.done', { format: formatName(phase.format) })}{' '}
            <a className="utrecht-link utrecht-link--html-a" href={phase.url} download={phase.fileName}>
              {t('reports:download.again', { fileName: phase.fileName })}
            </a>
          </p>
        ) : null}
      </div>
      {phase.state === 'failed' ? (
        <Alert type="error" heading={t('reports:download.failed', { format: formatName(phase.format) })}>
          <p className="utrecht-paragraph">{phase.error ? problemMessage(phase.error, t) : t('reports:download.failedText')}</p>
        </Alert>
      ) : null}
    </div>
  );
}
