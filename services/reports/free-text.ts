// Free text from statements (training needs, agreed support) is grouped for counting and scrubbed of any name,
// email or id the school passes in, because a statement can mention a colleague (R-RPT-1, R-RPT-3).

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const alternation = (terms: readonly string[], flags: string) =>
  terms.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, flags);

/**
 * A function that removes emails, and each given name, email or id, from a text. Whole terms match in any case;
 * the words of a name (three letters or more) match as words, capitalised as names are. Built once per list.
 */
export function redactor(terms: readonly string[]): (text: string) => string {
  const whole = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  const words = [...new Set(whole.flatMap((t) => t.split(/[\s.@_-]+/)).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w)))].sort((a, b) => b.length - a.length);
  const lowered = whole.map((t) => [t, t.toLocaleLowerCase('en-GB')] as const);
  return (text) => {
    let out = text.replace(EMAIL, '[email removed]');
    // A plain search first: the word-bounded pattern is built only for the few terms a text may hold.
    const lower = out.toLocaleLowerCase('en-GB');
    const wholeTerms = alternation(lowered.filter(([, l]) => lower.includes(l)).map(([t]) => t), 'giu');
    if (wholeTerms) out = out.replace(wholeTerms, '[name removed]');
    const nameWords = alternation(words.filter((w) => out.includes(w)), 'gu');
    if (nameWords) out = out.replace(nameWords, '[name removed]');
    return out;
  };
}

/** Removes emails, and each given name, email or id, from one text (see `redactor`). */
export function redact(text: string, terms: readonly string[] = []): string {
  return redactor(terms)(text);
}

/** A text as written, tidied: single spaces, no trailing full stop or other end punctuation. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\s.,;:!]+$/, '');
}

/** The key two texts share when they say the same thing ("Safeguarding level 2." and "safeguarding  level 2"). */
export function groupKey(text: string): string {
  return tidy(text).toLocaleLowerCase('en-GB');
}

/** Groups texts by their key: the commonest spelling (first seen on a tie) and how many people wrote it. */
export function groupTexts(perPerson: readonly (readonly string[])[]): { text: string; count: number }[] {
  const groups = new Map<string, { spellings: Map<string, number>; people: number }>();
  for (const texts of perPerson) {
    const seen = new Set<string>();
    for (const raw of texts) {
      const text = tidy(raw);
      const key = groupKey(text);
      if (key === '') continue;
      const group = groups.get(key) ?? { spellings: new Map<string, number>(), people: 0 };
      group.spellings.set(text, (group.spellings.get(text) ?? 0) + 1);
      if (!seen.has(key)) group.people += 1;
      seen.add(key);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ text: [...g.spellings].reduce((best, s) => (s[1] > best[1] ? s : best))[0], count: g.people }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'en-GB'));
}
