/** A seeded source of numbers in [0, 1) (mulberry32): the same seed gives the same fixtures. */
export type RandomSource = () => number;

/** A PRNG from a seed; without one, a seed from `Math.random`. */
export function seededRandom(seed: number = Math.floor(Math.random() * 2 ** 32)): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID drawn from `random`. */
export function randomUuid(random: RandomSource): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** `length` random characters from `alphabet`. */
export function randomString(
  random: RandomSource,
  length: number,
  alphabet = "abcdefghijklmnopqrstuvwxyz0123456789",
): string {
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
}

/** One of `choices`. */
export function pick<T>(random: RandomSource, choices: readonly T[]): T {
  return choices[Math.floor(random() * choices.length)] as T;
}
