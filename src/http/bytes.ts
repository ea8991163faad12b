/**
 * Bytes backed by a plain `ArrayBuffer`: `Uint8Array<ArrayBuffer>` on TypeScript 5.7 and later, plain
 * `Uint8Array` before (its lib has no generic typed arrays). Written through `slice`'s return type
 * because the public declarations must compile on TypeScript 5.4 too, where `Uint8Array<…>` is TS2315.
 */
export type Bytes = ReturnType<Uint8Array["slice"]>;
