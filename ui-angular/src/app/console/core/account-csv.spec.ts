import { MAX_EXPORT_ACCOUNTS, isAccountNumber, parseAccountCsv } from './account-csv';

describe('parseAccountCsv', () => {
  it.each([
    ['one per line', '100234\n100235\n', ['100234', '100235'], false],
    ['CRLF and a trailing blank line', '100234\r\n100235\r\n\r\n', ['100234', '100235'], false],
    ['a BOM and a header', '\uFEFFaccount_number\n100234\n', ['100234'], true],
    [
      'the account column of a wider file',
      'name,Account No.,balance\n"García, Maria",100234,12.50\nChen,100236,0\n',
      ['100234', '100236'],
      true,
    ],
    ['a Spanish header', 'Cuenta\n100234\n', ['100234'], true],
    ['semicolons (a European spreadsheet)', 'cuenta;nombre\n100234;Garcia\n', ['100234'], true],
    ['quoted values with spaces', '" 100234 "\n"A-77"\n', ['100234', 'A-77'], false],
    ['a header without digits', 'Accounts to print\n100234\n', ['100234'], true],
    ['only blank lines', '\n\n', [], false],
    ['an empty file', '', [], false],
  ])('%s', (_name, text, accounts, header) => {
    const result = parseAccountCsv(text);
    expect(result.accounts).toEqual(accounts);
    expect(result.header).toBe(header);
    expect(result.errors).toEqual([]);
  });

  it.each([
    ['a value that is not an account', 'account\n100234\n12 34\n', [{ line: 3, kind: 'invalid', value: '12 34' }]],
    [
      'a repeated account (case-insensitive)',
      '100234\na-1\n100234\nA-1\n',
      [
        { line: 3, kind: 'duplicate', value: '100234' },
        { line: 4, kind: 'duplicate', value: 'A-1' },
      ],
    ],
    ['an empty cell in the account column', 'name,account\nGarcia,100234\nChen,\n', [{ line: 3, kind: 'empty' }]],
    [
      'markup, which is never echoed whole',
      '100234\n<script>alert(1)</script>\n',
      [{ line: 2, kind: 'invalid', value: '<script>alert(1)</script>' }],
    ],
    ['too long', `${'9'.repeat(33)}\n`, [{ line: 1, kind: 'invalid', value: '9'.repeat(33) }]],
    ['a leading hyphen', '-100\n', [{ line: 1, kind: 'invalid', value: '-100' }]],
  ])('reports %s with its line number', (_name, text, errors) => {
    expect(parseAccountCsv(text).errors).toEqual(errors);
  });

  it('keeps the first 5,000 accounts and says there were more', () => {
    const text = Array.from({ length: MAX_EXPORT_ACCOUNTS + 3 }, (_, i) => String(100000 + i)).join('\n');
    const result = parseAccountCsv(text);
    expect(result.accounts).toHaveLength(MAX_EXPORT_ACCOUNTS);
    expect(result.tooMany).toBe(true);
  });
});

describe('isAccountNumber', () => {
  it.each([
    ['100234', true],
    ['A-77', true],
    ['x'.repeat(32), true],
    ['x'.repeat(33), false],
    ['', false],
    ['12 34', false],
    ['١٢٣', false],
    ['100234;', false],
  ])('%j → %s', (value, ok) => {
    expect(isAccountNumber(value)).toBe(ok);
  });
});
