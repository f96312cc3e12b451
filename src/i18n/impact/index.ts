/**
 * Every text of the impact report, by section: each section's renderer (src/impact/<section>.ts)
 * reads its own catalogue; this index gathers them for the checks of the catalogues
 * (src/i18n/catalogues.test.ts).
 */
import { COMPARISON_ROW_TEXTS, COMPARISON_TEXTS } from './comparison.ts';
import { COVERAGE_TEXTS } from './coverage.ts';
import { IMPACT_DOUBT_TEXTS } from './doubt.ts';
import { EQUALITY_TEXTS, GAP_ON_TEXTS, VERDICT_TEXTS } from './equality.ts';
import { GROUP_LABELS, KIND_LABELS, UNKNOWN_LABEL } from './labels.ts';
import { MONEY_DIFFERENCE_TEXTS, MONEY_TEXTS } from './money.ts';
import { OUTCOMES_TEXTS } from './outcomes.ts';
import { PROJECTION_TEXTS } from './projection.ts';
import { REPORT_TEXTS } from './report.ts';
import { RISK_TEXTS } from './risk.ts';
import { VICTIMS_TEXTS } from './victims.ts';
import type { Text } from '../text.ts';

/** The report's sections, in the order the report shows them. */
export const IMPACT_CATALOGUE: Record<string, Record<string, Text>> = {
  report: REPORT_TEXTS,
  labels: { unknown: UNKNOWN_LABEL, ...Object.fromEntries(Object.entries(GROUP_LABELS).map(([k, v]) => [`group.${k}`, v])), ...Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [`kind.${k}`, v])) },
  outcomes: OUTCOMES_TEXTS,
  coverage: COVERAGE_TEXTS,
  money: { ...MONEY_TEXTS, ...Object.fromEntries(Object.entries(MONEY_DIFFERENCE_TEXTS).map(([k, v]) => [`difference.${k}`, v])) },
  equality: { ...EQUALITY_TEXTS, ...Object.fromEntries(Object.entries(VERDICT_TEXTS).map(([k, v]) => [`verdict.${k}`, v])), ...Object.fromEntries(Object.entries(GAP_ON_TEXTS).map(([k, v]) => [`gapOn.${k}`, v])) },
  victims: VICTIMS_TEXTS,
  risk: RISK_TEXTS,
  projection: PROJECTION_TEXTS,
  comparison: { ...COMPARISON_TEXTS, ...Object.fromEntries(Object.entries(COMPARISON_ROW_TEXTS).map(([k, v]) => [`row.${k}`, v])) },
  doubt: IMPACT_DOUBT_TEXTS,
};
