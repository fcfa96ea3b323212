import { z } from 'zod';
import { IsoDate } from '../../platform/shared/dates.js';

/** The survey module's API shapes, shared by server and web (docs/survey.md). */

export const QUESTION_KINDS = ['rating', 'trend', 'choice', 'open'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const TREND_ANSWERS = ['better', 'same', 'worse'] as const;
export type TrendAnswer = (typeof TREND_ANSWERS)[number];
export const CHANNELS = ['code', 'open'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Small-number suppression: the default and the floor no survey may go below (docs/survey.md). */
export const DEFAULT_MIN_RESPONDENTS = 10;
export const MIN_RESPONDENTS_FLOOR = 5;
export const OPEN_TEXT_MAX = 2000;
export const MAX_CODES_PER_BATCH = 20_000;

/**
 * Invitation codes: 12 characters of Crockford's base32 (no I, L, O or U), 60 random bits, printed in
 * groups of four. Typed in any case, with or without spaces and dashes; I and L are read as 1, O as 0.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** The code as the server compares it, or null when it cannot be a code (wrong length or characters). */
export function normaliseCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!CODE_ALPHABET.includes(ch)) return null;
  return compact;
}

/** A calendar day in the supported range (src/platform/shared/dates.ts). */
const isoDay = IsoDate;
const visibleText = (max: number) => z.string().min(1).max(max).regex(/\S/, 'must contain text');
const questionKey = z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, 'lowercase letters, digits and _');
const BuurtCode = z.string().regex(/^BU\d{4}[0-9A-Z]{4}$/, 'a CBS buurt code such as BU05050301');

export const ChoiceOption = z.strictObject({ key: questionKey, nl: visibleText(200), en: visibleText(200) });
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const QuestionInput = z.strictObject({
  key: questionKey,
  kind: z.enum(QUESTION_KINDS),
  textNl: visibleText(500),
  textEn: visibleText(500),
  /** Only for 'choice': two to ten options. */
  options: z.array(ChoiceOption).max(10).optional(),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const CreateSurvey = z
  .strictObject({
    municipalityCode: z.string().regex(/^GM\d{4}$/, 'a CBS gemeente code such as GM0505'),
    title: visibleText(200),
    year: z.number().int().min(2000).max(2100),
    opensOn: isoDay,
    closesOn: isoDay,
    minRespondents: z.number().int().min(MIN_RESPONDENTS_FLOOR).max(1000).optional(),
    buurtCodes: z.array(BuurtCode).min(1).max(500),
    questions: z.array(QuestionInput).min(1).max(30),
  })
  .superRefine((value, ctx) => {
    if (value.closesOn < value.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'closes before it opens' });
    const keys = new Set<string>();
    value.questions.forEach((q, i) => {
      if (keys.has(q.key)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'key'], message: 'the same key twice' });
      keys.add(q.key);
      const count = q.options?.length ?? 0;
      if (q.kind === 'choice' && count < 2) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'a choice question needs at least two options' });
      if (q.kind !== 'choice' && count > 0) ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'only a choice question has options' });
    });
    if (new Set(value.buurtCodes).size !== value.buurtCodes.length) ctx.addIssue({ code: 'custom', path: ['buurtCodes'], message: 'a buurt twice' });
  });
export type CreateSurvey = z.infer<typeof CreateSurvey>;

/**
 * The standard questions: the Veiligheidsmonitor's ratings of the neighbourhood (1–10) and its question
 * whether the neighbourhood went forward or back in the past year, in its wording addressed with "je"
 * (docs/survey.md names the source), a single-choice question on feeling unsafe, and an open question.
 */
export const STANDARD_QUESTIONS: QuestionInput[] = [
  { key: 'woonomgeving', kind: 'rating', textNl: 'Welk rapportcijfer geef je je woonomgeving?', textEn: 'What mark would you give the area where you live?' },
  { key: 'leefbaarheid', kind: 'rating', textNl: 'Welk rapportcijfer geef je de leefbaarheid in je buurt?', textEn: 'What mark would you give how pleasant it is to live in your neighbourhood?' },
  { key: 'veiligheid', kind: 'rating', textNl: 'Welk rapportcijfer geef je de veiligheid in je buurt?', textEn: 'What mark would you give the safety of your neighbourhood?' },
  { key: 'ontwikkeling', kind: 'trend', textNl: 'Is je buurt het afgelopen jaar beter geworden, hetzelfde gebleven of slechter geworden?', textEn: 'Has your neighbourhood become better, stayed the same or become worse over the past year?' },
  {
    key: 'onveilig',
    kind: 'choice',
    textNl: 'Voel je je weleens onveilig in je eigen buurt?',
    textEn: 'Do you ever feel unsafe in your own neighbourhood?',
    options: [
      { key: 'vaak', nl: 'Vaak', en: 'Often' },
      { key: 'soms', nl: 'Soms', en: 'Sometimes' },
      { key: 'nooit', nl: '(Bijna) nooit', en: '(Almost) never' },
    ],
  },
  { key: 'opmerking', kind: 'open', textNl: 'Wil je nog iets kwijt over je buurt?', textEn: 'Is there anything else you would like to say about your neighbourhood?' },
];

export const UpdateSurvey = z.strictObject({
  minRespondents: z.number().int().min(MIN_RESPONDENTS_FLOOR).max(1000).optional(),
  closesOn: isoDay.optional(),
});
export type UpdateSurvey = z.infer<typeof UpdateSurvey>;

export const SurveyParams = z.strictObject({ id: z.string().uuid() });

export const Question = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  textNl: z.string(),
  textEn: z.string(),
  options: z.array(z.object({ key: z.string(), nl: z.string(), en: z.string() })),
});
export type Question = z.infer<typeof Question>;

export const SurveyBuurt = z.object({ code: z.string(), name: z.string(), wijkCode: z.string(), wijkName: z.string() });
export type SurveyBuurt = z.infer<typeof SurveyBuurt>;

/** What a resident sees: no counts, nothing about other residents. */
export const PublicSurvey = z.object({
  id: z.string(),
  title: z.string(),
  municipalityName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  /** Open today (Dutch calendar day). */
  open: z.boolean(),
  questions: z.array(Question),
  buurten: z.array(SurveyBuurt),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const SurveySummary = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  title: z.string(),
  year: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  open: z.boolean(),
  minRespondents: z.number(),
  indicatorPrefix: z.string(),
  publishedAt: z.string().nullable(),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
export const SurveyList = z.object({ items: z.array(SurveySummary) });
export type SurveyList = z.infer<typeof SurveyList>;

export const SurveyDetail = SurveySummary.extend({
  questions: z.array(Question),
  /** Per buurt the invitation codes made so far (not how many were used: that is in the results, suppressed). */
  buurten: z.array(SurveyBuurt.extend({ codesIssued: z.number() })),
});
export type SurveyDetail = z.infer<typeof SurveyDetail>;

/** One answer per question key: a rating 1–10, better/same/worse, an option key, or text. Skipped questions are left out. */
export const Answers = z.record(questionKey, z.union([z.number().int().min(1).max(10), z.string().min(1).max(OPEN_TEXT_MAX)]));
export type Answers = z.infer<typeof Answers>;

export const CodeLookup = z.strictObject({ code: z.string().min(1).max(40) });
export type CodeLookup = z.infer<typeof CodeLookup>;
export const CodeLookupResult = z.object({ survey: PublicSurvey, buurt: SurveyBuurt });
export type CodeLookupResult = z.infer<typeof CodeLookupResult>;

export const CodeResponse = z.strictObject({ code: z.string().min(1).max(40), answers: Answers });
export type CodeResponse = z.infer<typeof CodeResponse>;

export const OpenResponse = z.strictObject({
  buurtCode: BuurtCode,
  answers: Answers,
  /** A random value the browser keeps for this survey (duplicate detection without identity). */
  browserToken: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'a random token of 22 to 64 URL-safe characters'),
});
export type OpenResponse = z.infer<typeof OpenResponse>;

export const ResponseReceived = z.object({ received: z.literal(true) });

export const CodeBatchRequest = z
  .strictObject({
    buurtCodes: z.array(BuurtCode).min(1).max(500),
    perBuurt: z.number().int().min(1).max(5000),
    format: z.enum(['csv', 'pdf']),
  })
  .superRefine((value, ctx) => {
    if (value.buurtCodes.length * value.perBuurt > MAX_CODES_PER_BATCH) ctx.addIssue({ code: 'custom', path: ['perBuurt'], message: `at most ${MAX_CODES_PER_BATCH} codes at once` });
  });
export type CodeBatchRequest = z.infer<typeof CodeBatchRequest>;

/** A count or share that small-number suppression withheld is null. */
const Figure = z.number().nullable();
export const ChannelCounts = z.object({ code: Figure, open: Figure, all: Figure });
export type ChannelCounts = z.infer<typeof ChannelCounts>;

export const ResultArea = z.object({ code: z.string(), name: z.string(), level: z.enum(['buurt', 'wijk', 'gemeente']), wijkCode: z.string().nullable() });
export type ResultArea = z.infer<typeof ResultArea>;

export const QuestionResultRow = z.object({
  areaCode: z.string(),
  /** Respondents who answered this question, all channels; null when suppressed. */
  n: Figure,
  mean: Figure,
  better: Figure,
  same: Figure,
  worse: Figure,
  /** For a choice question: per option key the share (%) of those who answered. */
  options: z.record(z.string(), z.number()).nullable(),
});
export type QuestionResultRow = z.infer<typeof QuestionResultRow>;

export const SurveyResults = z.object({
  survey: SurveySummary,
  areas: z.array(ResultArea),
  /** Respondents per area and channel; null where suppressed. */
  respondents: z.record(z.string(), ChannelCounts),
  questions: z.array(Question.extend({ rows: z.array(QuestionResultRow) })),
  /** Open answers, alphabetical (not in the order they came in), without buurt. Never published. */
  openTexts: z.array(z.object({ questionKey: z.string(), texts: z.array(z.string()) })),
  /** The survey's indicators (what publishing writes and the map shows). */
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const PublishResult = z.object({ publishedAt: z.string(), indicators: z.number(), values: z.number(), suppressed: z.number() });
export type PublishResult = z.infer<typeof PublishResult>;
