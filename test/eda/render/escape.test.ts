import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeXml } from '../../../src/eda/render/index.js';
import { checkWellFormed } from './xml-check.js';

describe('escapeXml', () => {
  it('escapes the five markup characters and keeps whitespace as character references', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('x\ty\nz\r')).toBe('x&#9;y&#10;z&#13;');
  });

  it('writes characters XML cannot carry (C0 controls, U+FFFE, lone surrogates) as visible \\uXXXX text', () => {
    const nasty = 'a\u0000b\u001bc\ufffed\ud800e\u0085f😀';
    const out = escapeXml(nasty);
    expect(out).toBe('a\\u0000b\\u001Bc\\uFFFEd\\uD800e&#x85;f😀');
    // usable in both attribute values and text
    const root = checkWellFormed(`<r a="${out}">${out}</r>`);
    expect(root.attrs.a).toBe(root.text);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises table, emphasis, code, link and HTML syntax', () => {
    expect(escapeMarkdown('a|b*c_d`e[f](g)<h>&~\\')).toBe('a\\|b\\*c\\_d\\`e\\[f\\](g)&lt;h&gt;&amp;\\~\\\\');
  });

  it('turns line breaks into <br> and control characters into visible text', () => {
    expect(escapeMarkdown('1\r\n2\n3\r4\u0007')).toBe('1<br>2<br>3<br>4\\\\u0007');
  });
});
