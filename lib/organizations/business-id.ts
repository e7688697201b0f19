// Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit (weights 7,9,10,5,8,4,2; mod 11).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export function businessIdCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  const sum = [...sevenDigits].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null; // no valid ID has this body
  return 11 - remainder;
}

/** Normalises "1234567-8" (also with a missing leading zero in the body); null if invalid. */
export function normaliseBusinessId(input: string): string | null {
  const match = /^\s*(\d{6,7})-?(\d)\s*$/.exec(input);
  if (!match) return null;
  const body = match[1]!.padStart(7, "0");
  return businessIdCheckDigit(body) === Number(match[2]) ? `${body}-${match[2]}` : null;
}

export const isValidBusinessId = (input: string) => normaliseBusinessId(input) !== null;
