/**
 * References to an act's articles as each language cites them. Acts write references the way the
 * shipped acts do — "Art. 3 §1(6)": article 3, paragraph (пункт / тармақ) 1, item (подпункт /
 * тармақша) 6 — and reports show them as a Russian ("ст. 3 п. 1 пп. 6") or Kazakh ("3-бап 1-т.
 * 6) тт.") reader expects. A reference in any other form is shown as written.
 */
import type { Text } from './text.ts';

const ARTICLE = /^Art\.\s*(\d+(?:-\d+)?)(?:\s*§\s*(\d+(?:-\d+)?))?(?:\s*\((\d+)\))?$/;

export function citeRef(ref: string): Text {
  const m = ARTICLE.exec(ref.trim());
  if (!m) return { kk: ref, ru: ref, en: ref };
  const [, art, para, item] = m;
  return {
    kk: [`${art}-бап`, para ? `${para}-т.` : '', item ? `${item}) тт.` : ''].filter(Boolean).join(' '),
    ru: ['ст.', art, para ? `п. ${para}` : '', item ? `пп. ${item}` : ''].filter(Boolean).join(' '),
    en: ref,
  };
}

/** Act statuses (`status` of an act file) in the three languages. */
export const ACT_STATUS_LABELS: Record<'law' | 'draft' | 'proposal', Text> = {
  law: { kk: 'заң', ru: 'закон', en: 'law' },
  draft: { kk: 'жоба', ru: 'проект', en: 'draft' },
  proposal: { kk: 'ұсыныс', ru: 'предложение', en: 'proposal' },
};
