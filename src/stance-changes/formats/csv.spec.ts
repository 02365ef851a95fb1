import { csvCell, toCsv } from './csv.js';

describe('CSV cells', () => {
  it('given plain text, then it is written as is', () => {
    expect(csvCell('Direct talks with Putin')).toBe('Direct talks with Putin');
  });

  it('given a comma, a quote or a line break, then the cell is quoted and quotes doubled (RFC 4180)', () => {
    expect(csvCell('peace, now')).toBe('"peace, now"');
    expect(csvCell('I said "peace"')).toBe('"I said ""peace"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=1+1', '+1', '-2 dead', '@SUM(A1)', '\tx', '\rx'])('given text starting like a formula (%j), then a leading quote defuses it', (text) => {
    expect(csvCell(text).replace(/^"/, '').startsWith(`'${text[0]}`)).toBe(true);
  });

  it('given a formula with a comma, then it is both defused and quoted', () => {
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('given numbers and booleans, then they stay as they are: a score delta of -3 is data', () => {
    expect([csvCell(-3), csvCell(0), csvCell(true), csvCell(null)]).toEqual(['-3', '0', 'true', '']);
  });

  it('given a header and rows, then every row ends in CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
