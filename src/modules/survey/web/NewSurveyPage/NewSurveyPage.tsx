import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { CheckboxGroup, SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page } from '../../../../platform/web/components/Page';
import { api } from '../../../../platform/web/api-client';
import { calendarDayOf } from '../../../../platform/shared/time';
import { DEFAULT_MIN_RESPONDENTS, MIN_RESPONDENTS_FLOOR, STANDARD_QUESTIONS, type CreateSurvey, type SurveyDetail } from '../../contract';
import { surveyProblem } from '../problem-text';
import '../survey.css';

interface AreaItem {
  code: string;
  name: string;
  parentCode: string | null;
}

const areas = (query: string) => api.get<{ items: AreaItem[] }>(`/api/v1/areas${query}`);

type Field = 'municipality' | 'title' | 'opensOn' | 'closesOn' | 'threshold' | 'wijken' | 'questions';

/** /enquetes/nieuw: a survey with the standard questions over chosen wijken, a period and a threshold. */
export default function NewSurveyPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const english = i18n.language.startsWith('en');
  const today = calendarDayOf(new Date());
  const year = Number(today.slice(0, 4));
  const [municipality, setMunicipality] = useState('GM0505');
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState('');
  const [threshold, setThreshold] = useState(String(DEFAULT_MIN_RESPONDENTS));
  const [wijken, setWijken] = useState<string[]>([]);
  const [questions, setQuestions] = useState<string[]>(STANDARD_QUESTIONS.map((q) => q.key));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const municipalities = useQuery({ queryKey: ['survey-new', 'gemeenten'], queryFn: () => areas('?level=gemeente') });
  const wijkList = useQuery({ queryKey: ['survey-new', 'wijken', municipality, year], queryFn: () => areas(`?municipality=${municipality}&level=wijk&year=${year}`) });
  const buurtList = useQuery({ queryKey: ['survey-new', 'buurten', municipality, year], queryFn: () => areas(`?municipality=${municipality}&level=buurt&year=${year}`) });
  const create = useMutation({ mutationFn: (body: CreateSurvey) => api.post<SurveyDetail>('/api/v1/surveys', body), onSuccess: (survey) => void navigate(`/enquetes/${survey.id}`) });
  const buurtenOf = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const b of buurtList.data?.items ?? []) if (b.parentCode) map.set(b.parentCode, [...(map.get(b.parentCode) ?? []), b.code]);
    return map;
  }, [buurtList.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const min = Number(threshold);
    if (!title.trim()) found.title = t('survey:new.titleRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opensOn)) found.opensOn = t('survey:new.dateRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn)) found.closesOn = t('survey:new.dateRequired');
    else if (closesOn < opensOn) found.closesOn = t('survey:new.closesBeforeOpening');
    if (!Number.isInteger(min) || min < MIN_RESPONDENTS_FLOOR || min > 1000) found.threshold = t('survey:new.thresholdRange', { min: MIN_RESPONDENTS_FLOOR });
    const buurtCodes = wijken.flatMap((w) => buurtenOf.get(w) ?? []);
    if (buurtCodes.length === 0) found.wijken = t('survey:new.wijkenRequired');
    if (questions.length === 0) found.questions = t('survey:new.questionsRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({
      municipalityCode: municipality,
      title: title.trim(),
      year: Number(closesOn.slice(0, 4)),
      opensOn,
      closesOn,
      minRespondents: min,
      buurtCodes,
      questions: STANDARD_QUESTIONS.filter((q) => questions.includes(q.key)),
    });
  }

  return (
    <Page title={t('survey:new.title')} lead={t('survey:new.lead')}>
      <form className="wr-form" onSubmit={submit} noValidate>
        <SelectField id="new-municipality" label={t('survey:new.municipality')} options={(municipalities.data?.items ?? [{ code: 'GM0505', name: 'Dordrecht', parentCode: null }]).map((m) => ({ value: m.code, label: m.name }))} value={municipality} onChange={(e) => { setMunicipality(e.target.value); setWijken([]); }} />
        <TextField id="new-title" label={t('survey:new.name')} description={t('survey:new.nameHint')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
        <TextField id="new-opens" type="date" label={t('survey:new.opensOn')} value={opensOn} onChange={(e) => setOpensOn(e.target.value)} error={errors.opensOn} />
        <TextField id="new-closes" type="date" label={t('survey:new.closesOn')} value={closesOn} onChange={(e) => setClosesOn(e.target.value)} error={errors.closesOn} />
        <TextField id="new-threshold" label={t('survey:new.threshold')} description={t('survey:new.thresholdHint', { min: MIN_RESPONDENTS_FLOOR })} inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} error={errors.threshold} />
        <CheckboxGroup
          id="new-wijken"
          name="new-wijken"
          legend={t('survey:new.wijken')}
          description={t('survey:new.wijkenHint')}
          options={(wijkList.data?.items ?? []).map((w) => ({ value: w.code, label: t('survey:new.wijkOption', { wijk: w.name, count: buurtenOf.get(w.code)?.length ?? 0 }) }))}
          value={wijken}
          onChange={setWijken}
          error={errors.wijken}
        />
        <CheckboxGroup
          id="new-questions"
          name="new-questions"
          legend={t('survey:new.questions')}
          description={t('survey:new.questionsHint')}
          options={STANDARD_QUESTIONS.map((q) => ({ value: q.key, label: english ? q.textEn : q.textNl }))}
          value={questions}
          onChange={setQuestions}
          error={errors.questions}
        />
        {create.error ? (
          <Alert type="error">
            <p className="utrecht-paragraph">{surveyProblem(create.error, t)}</p>
          </Alert>
        ) : null}
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('survey:new.save')}
        </Button>
      </form>
    </Page>
  );
}
