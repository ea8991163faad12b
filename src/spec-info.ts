import { GENERATED_SPEC_INFO } from "../generated/spec-constants.js";

/** Which spec a client was generated from. */
export interface SpecInfo {
  /** `info.title` of the vendored openapi.json. */
  readonly title: string;
  /** `info.version` of the vendored openapi.json. */
  readonly version: string;
  /** SHA-256 (hex) of openapi.json as vendored, to tell two specs with the same version apart. */
  readonly sha256: string;
}

/** The vendored spec this package was generated from. */
export const SPEC_INFO: SpecInfo = Object.freeze({ ...GENERATED_SPEC_INFO });
