/** Types of build-server.mjs, for the TypeScript that uses it (tests and benches). */
export type BuildName = 'server' | 'cli';
export declare const BUILDS: Record<BuildName, { dir: string; entries: Record<string, string> }>;
export declare const SERVER_DIST_DIR: string;
export declare const SERVER_ENTRY: string;
export declare const CLI_ENTRY: string;
export declare const SERVER_NODE_FLAGS: readonly string[];
export declare function buildIsStale(name?: BuildName): boolean;
export declare function buildBundle(name?: BuildName): Promise<void>;
export declare function serverBuildIsStale(): boolean;
export declare function buildServer(): Promise<void>;
