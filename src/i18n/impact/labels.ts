/** Labels the impact report's sections share: kinds of measure and outcome, disparity groups, unknown. */
import type { Text } from '../text.ts';
import { COVERAGE_TEXTS } from './coverage.ts';

export const UNKNOWN_LABEL: Text = { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' };

/**
 * The groups besides the social categories, named as the coverage table names them, so that the
 * equality verdict and the tables call a group the same.
 */
export const GROUP_LABELS: Record<string, Text> = {
  any_category: COVERAGE_TEXTS.anyCategory,
  no_category: COVERAGE_TEXTS.noCategory,
};

/** Kinds of measure (src/impact/config.ts MEASURE_KINDS) and outcome statuses, as the report names them. */
export const KIND_LABELS: Record<string, Text> = {
  none: { kk: 'қамтылмаған', ru: 'не охвачен', en: 'not covered' },
  release: { kk: 'босату', ru: 'освобождение', en: 'release' },
  reduce: { kk: 'қысқарту', ru: 'сокращение', en: 'reduction' },
  replace: { kk: 'жеңілірек жаза', ru: 'замена более мягким', en: 'milder punishment' },
  other: { kk: 'қосымша жазадан босату', ru: 'освобождение от доп. наказания', en: 'additional punishment released' },
  not_covered: { kk: 'қамтылмаған', ru: 'не охвачен', en: 'not covered' },
  excluded: { kk: 'алып тасталған', ru: 'исключён', en: 'excluded' },
  needs_review: { kk: 'қолмен тексеру', ru: 'ручная проверка', en: 'needs review' },
  eligible: { kk: 'қамтылған', ru: 'охвачен', en: 'covered' },
};
