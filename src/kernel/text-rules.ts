/**
 * The one rule for free text that enters a design, whether through the parser or a tool argument
 * (contract.md, "Bad input"): no C0 controls other than tab, LF and CR, no DEL or C1 controls (ESC
 * sequences repaint terminals and spreadsheets), no bidirectional controls (Unicode TR9; "Trojan
 * Source", CVE-2021-42574: text that displays in another order than it reads) and no unpaired
 * surrogates (not Unicode, and not writable as UTF-8).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;

export type TextProblem = 'control' | 'bidi' | 'surrogate';

export function textProblem(value: string): TextProblem | null {
  if (CONTROL.test(value)) return 'control';
  if (BIDI_CONTROL.test(value)) return 'bidi';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

export const TEXT_PROBLEM_MESSAGE: Record<TextProblem, string> = {
  control: 'contains a NUL, ESC or other control character',
  bidi: 'contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C)',
  surrogate: 'contains an unpaired UTF-16 surrogate',
};
