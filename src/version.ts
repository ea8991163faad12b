/**
 * This package's version, sent in `User-Agent`. Written by `npm run release`; a test keeps it equal to
 * package.json's.
 */
export const CLIENT_VERSION: string = "0.1.0";
