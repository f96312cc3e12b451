/** The impact report's own unverified inputs (src/impact/doubt.ts), in kk, ru and en. */
import type { Text } from '../text.ts';

export const IMPACT_DOUBT_TEXTS = {
  /** A law parameter the report multiplies by, when it is an assumption; `{extrapolated}` is the next text or empty. */
  parameterAssumption: {
    kk: 'заң параметрі {name} = {value} ({from} бастап{extrapolated}): болжам',
    ru: 'параметр закона {name} = {value} (с {from}{extrapolated}): допущение',
    en: 'law parameter {name} = {value} (from {from}{extrapolated}): an assumption',
  },
  extrapolated: { kk: ', экстраполяция', ru: ', экстраполирован', en: ', extrapolated' },
} satisfies Record<string, Text>;
