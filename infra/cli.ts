/**
 * Command lines for the project's tools (`npm run seed`, `bench:*`, `reference:*`, `npm start`):
 * node:util parseArgs in strict mode, plus what it lacks — a usage text made from the same
 * option list, `--help`, and answers a person can act on. A bad command line prints what is
 * wrong and the usage on stderr and exits with 2 (the shell's "usage error"), never a stack trace.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** Placeholder shown in the usage, e.g. `N` for `--months N`. */
  value?: string;
  description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How a person runs it, e.g. `npm run seed --`. */
  command: string;
  summary: string;
  options: O;
  positionals?: { name: string; description: string; required?: boolean }[];
  examples?: string[];
}

type Value<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : string;
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends { default: string | boolean } ? Value<O[K]> : Value<O[K]> | undefined;
};

export type ParsedCommand<O extends Record<string, OptionSpec>> =
  | { kind: 'run'; values: OptionValues<O>; positionals: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string };

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help and exit.' };

export function usage<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const positionals = (spec.positionals ?? []).map((p) => (p.required ? p.name : `[${p.name}]`));
  const lines = [
    `Usage: ${[spec.command, ...positionals, Object.keys(spec.options).length ? '[options]' : '']
      .filter(Boolean)
      .join(' ')}`,
    '',
    spec.summary,
  ];
  if (spec.positionals?.length) {
    lines.push('', 'Arguments:');
    for (const p of spec.positionals) lines.push(`  ${p.name.padEnd(24)} ${p.description}`);
  }
  lines.push('', 'Options:');
  for (const [name, option] of Object.entries({ ...spec.options, help: helpOption })) {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    const fallback =
      option.default !== undefined && option.type === 'string' ? ` (default: ${option.default})` : '';
    lines.push(`  ${flag.padEnd(24)} ${option.description}${fallback}`);
  }
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

/** Parses `argv` against the spec without side effects (the tests call this). */
export function parseCommand<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: string[],
): ParsedCommand<O> {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, option] of Object.entries({ ...spec.options, help: helpOption })) {
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.default !== undefined ? { default: option.default } : {}),
    } as NonNullable<ParseArgsConfig['options']>[string];
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: Boolean(spec.positionals) });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    return { kind: 'error', text: `${(error as Error).message}\n\n${usage(spec)}` };
  }
  if (parsed.values.help) return { kind: 'help', text: usage(spec) };
  const declared = spec.positionals ?? [];
  const missing = declared.filter((p, i) => p.required && parsed.positionals[i] === undefined);
  if (missing.length) return { kind: 'error', text: `Missing ${missing[0]?.name}.\n\n${usage(spec)}` };
  if (parsed.positionals.length > declared.length) {
    return {
      kind: 'error',
      text: `Unexpected argument '${parsed.positionals[declared.length]}'.\n\n${usage(spec)}`,
    };
  }
  const { help: _help, ...values } = parsed.values;
  return { kind: 'run', values: values as OptionValues<O>, positionals: parsed.positionals };
}

/** The command line of this process: prints the help (exit 0) or the error and usage (exit 2) itself. */
export function commandLine<O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv = process.argv.slice(2),
) {
  const parsed = parseCommand(spec, argv);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    process.exit(0);
  }
  if (parsed.kind === 'error') {
    process.stderr.write(parsed.text);
    process.exit(2);
  }
  const fail = (message: string): never => {
    process.stderr.write(`${message}\n\n${usage(spec)}`);
    process.exit(2);
  };
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    /** A usage error found after parsing (a value out of range): message, usage, exit 2. */
    fail,
    /** A whole number in [min, max], or a usage error naming the option. */
    integer(name: keyof O & string, min: number, max: number): number {
      const raw = parsed.values[name];
      const value = Number(raw);
      if (typeof raw !== 'string' || !Number.isInteger(value) || value < min || value > max)
        return fail(`--${name} must be a whole number from ${min} to ${max} (got '${String(raw)}').`);
      return value;
    },
  };
}
