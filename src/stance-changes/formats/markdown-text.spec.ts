import { mdBlockquote, mdLink, mdText } from './markdown-text.js';

describe('record text in the Markdown report', () => {
  it('given text with link, emphasis or HTML syntax, then it is escaped to stay text', () => {
    expect(mdText('[click](javascript:alert(1)) *now* <b>x</b> a|b')).toBe('\\[click\\](javascript:alert(1)) \\*now\\* \\<b\\>x\\</b\\> a\\|b');
  });

  it('given a line break in inline text, then it becomes a space and cannot start a heading', () => {
    expect(mdText('one\n# two')).toBe('one \\# two');
  });

  it('given a multi-line quote, then every line is quoted and none can start a list', () => {
    expect(mdBlockquote('We will do it.\n- not a list\n1. nor this\n\nend')).toBe('> We will do it.\n> \\- not a list\n> 1\\. nor this\n>\n> end');
  });

  it('given an http(s) URL, then the title links to it; any other scheme is not linked', () => {
    expect(mdLink('Decree', 'https://example.org/a b')).toBe('[Decree](<https://example.org/a%20b>)');
    expect(mdLink('Decree', 'javascript:alert(1)')).toBe('Decree');
    expect(mdLink('Decree', null)).toBe('Decree');
  });
});
