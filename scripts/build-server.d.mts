/** Types of build-server.mjs, for the TypeScript that uses it (tests and benches). */
export declare const SERVER_DIST_DIR: string;
export declare const SERVER_ENTRY: string;
export declare function serverBuildIsStale(): boolean;
export declare function buildServer(): Promise<void>;
