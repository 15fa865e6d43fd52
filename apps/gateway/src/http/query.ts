/** Query strings arrive as strings or repeated values; lists may also be comma-separated. */
export function asList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export function asString(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? String(value[value.length - 1]) : String(value);
}

/** A number if the text is an integer, else the text itself (so validation reports it). */
export function asInt(value: unknown): number | string | undefined {
  const text = asString(value);
  if (text === undefined) return undefined;
  return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}
