import { describe, expect, it } from 'vitest';
import { type CommandSpec, type OptionSpec, parseCommand } from '../../infra/cli';

const spec = {
  command: 'npm run tool --',
  summary: 'Does a thing.',
  options: {
    months: { type: 'string', value: 'N', default: '36', description: 'Months.' },
    reset: { type: 'boolean', description: 'Start again.' },
  },
  positionals: [{ name: 'FILE', description: 'Input.', required: true }],
} satisfies CommandSpec<Record<string, OptionSpec>>;

describe('command lines', () => {
  it('parses options with their defaults and the positionals', () => {
    expect(parseCommand(spec, ['in.csv', '--reset'])).toEqual({
      kind: 'run',
      values: { months: '36', reset: true },
      positionals: ['in.csv'],
    });
  });

  it('answers --help and -h with a usage made from the option list', () => {
    const help = parseCommand(spec, ['--help']);
    expect(help.kind).toBe('help');
    expect(parseCommand(spec, ['-h'])).toEqual(help);
    const text = help.kind === 'help' ? help.text : '';
    expect(text).toMatch(/^Usage: npm run tool -- FILE \[options\]\n/);
    expect(text).toContain('--months N');
    expect(text).toContain('(default: 36)');
    expect(text).toContain('--reset');
    expect(text).toContain('-h, --help');
  });

  it('refuses unknown options, missing values, missing and extra arguments, each with the usage', () => {
    for (const [argv, message] of [
      [['in.csv', '--bogus'], "Unknown option '--bogus'"],
      [['in.csv', '--months'], "Option '--months <value>' argument missing"],
      [[], 'Missing FILE.'],
      [['a.csv', 'b.csv'], "Unexpected argument 'b.csv'."],
    ] as const) {
      const parsed = parseCommand(spec, [...argv]);
      expect(parsed.kind, argv.join(' ')).toBe('error');
      const text = parsed.kind === 'error' ? parsed.text : '';
      expect(text).toContain(message);
      expect(text).toContain('Usage: npm run tool --');
    }
  });
});
