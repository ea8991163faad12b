/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by `npm run generate` (scripts/generate.ts, openapi-typescript) from openapi.json.
 * To change it, vendor a new spec (`npm run vendor:spec -- <file>`) and run `npm run generate`.
 */

export interface paths {
    "/api/session/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get session by ID */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Session details */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionDetail"];
                    };
                };
                /** @description Session not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        SessionDetail: components["schemas"]["Session"] & {
            sessionUrl?: string;
            liveUrl?: string;
            token?: string;
            wsEndpoint?: string;
            webdriverEndpoint?: string;
            computerActionEndpoint?: string;
        };
        ErrorResponse: {
            message?: string;
        };
        Session: {
            /** Format: uuid */
            id?: string;
            /** Format: uuid */
            teamId?: string;
            /** @enum {string} */
            status?: "active" | "closed" | "error";
            /** Format: timestamp-milliseconds */
            startTime?: string | null;
            /** Format: timestamp-milliseconds */
            endTime?: string | null;
            /** Format: iso8601 */
            createdAt?: string;
            /** Format: iso8601 */
            updatedAt?: string;
            launchState?: components["schemas"]["SessionLaunchState"];
            creditsUsed?: number | null;
        };
        SessionLaunchState: {
            useUltraStealth?: boolean;
            useStealth?: boolean;
            useProxy?: boolean;
            solveCaptchas?: boolean;
            /**
             * @description Optional CAPTCHA solver mode. Set to visual to use the visual reCAPTCHA solver.
             * @enum {string}
             */
            solverType?: "visual";
            adblock?: boolean;
            trackers?: boolean;
            annoyances?: boolean;
            screen?: components["schemas"]["ScreenConfig"];
            enableWebRecording?: boolean;
            enableVideoWebRecording?: boolean;
            enableLogCapture?: boolean;
            acceptCookies?: boolean;
            profile?: components["schemas"]["CreateSessionProfile"];
            staticIpId?: string;
            saveDownloads?: boolean;
            enableWindowManager?: boolean;
            enableWindowManagerTaskbar?: boolean;
            viewOnlyLiveView?: boolean;
            disablePasswordManager?: boolean;
            enableAlwaysOpenPdfExternally?: boolean;
            disablePostQuantumKeyAgreement?: boolean;
        } | null;
        ScreenConfig: {
            /** @default 1280 */
            width?: number;
            /** @default 720 */
            height?: number;
        };
        CreateSessionProfile: {
            id?: string;
            persistChanges?: boolean;
            /** @description When persisting profile changes, also persist the browser's network cache (HTTP cache). */
            persistNetworkCache?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
