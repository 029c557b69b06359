// The shapes keywords.ts builds its word index from, shared with keywords-truncation.ts.

export type Mode = 'exact' | 'prefix' | 'suffix' | 'infix';
export interface WordMatcher { text: string; mode: Mode }
export interface Entry {
  category: string | null; // null: a neutral phrase, matched only to hide the keywords inside it
  keyword: string;
  weight: number;
  words: WordMatcher[]; // Latin: one per word of a phrase; Thai: one infix (prefix for "<": start of a run)
  thai: boolean;
}
export interface Token { text: string; start: number; end: number; thai: boolean }
