/**
 * References to an act's articles as each language cites them. Acts write references the way the
 * shipped acts do — "Art. 3 §1(6)": article 3, paragraph (пункт / тармақ) 1, item (подпункт /
 * тармақша) 6 — and reports show them as a Russian ("ст. 3 п. 1 пп. 6") or Kazakh ("3-бап 1-т.
 * 6) тт.") reader expects. The Criminal Code's own articles are written "CC Art. 78 part 2" (part =
 * часть / бөлік): "ст. 78 ч. 2 УК", "ҚК 78-бабы 2-бөлігі". A reference in another form is shown as written.
 */
import type { Text } from './text.ts';

const ARTICLE = /^Art\.\s*(\d+(?:-\d+)?)(?:\s*§\s*(\d+(?:-\d+)?))?(?:\s*\((\d+)\))?$/;

/** A reference to the Criminal Code itself: "CC Art. 78 part 2" (article, part, optional item). */
const CODE_ARTICLE = /^CC\s+Art\.\s*(\d+(?:-\d+)?)(?:\s+part\s+(\d+(?:-\d+)?))?(?:\s+item\s+(\d+(?:-\d+)?))?$/;

export function citeRef(ref: string): Text {
  const cc = CODE_ARTICLE.exec(ref.trim());
  if (cc) {
    const [, art, part, item] = cc;
    return {
      kk: `ҚК ${art}-бабы${part ? ` ${part}-бөлігі` : ''}${item ? ` ${item})-тармағы` : ''}`,
      ru: ['ст.', art, part ? `ч. ${part}` : '', item ? `п. ${item})` : '', 'УК'].filter(Boolean).join(' '),
      en: `Criminal Code Art. ${art}${part ? ` part ${part}` : ''}${item ? ` item ${item}` : ''}`,
    };
  }
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
