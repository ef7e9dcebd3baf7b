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

/**
 * Whether any character breaks the rule, in one pass over the code units: every tool argument and
 * parsed field is checked, nearly all are short and printable, and three regular expressions per
 * string cost a tool call more than the rest of its validation.
 */
function anyProblem(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // printable ASCII
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return true;
    }
    if (c <= 0x9f) return true; // DEL and C1
    if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

export function textProblem(value: string): TextProblem | null {
  if (!anyProblem(value)) return null;
  // Which rule: the expressions above name it (a string breaking two rules is named by the first of them).
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
