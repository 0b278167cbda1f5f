// Types of the big-spec builders in big-specs.mjs, for the TypeScript tests that use them.
export function namesSpec(n: number): string;
export function keysSpec(n: number): string;
export function chainSpec(n: number): string;
export function channelsSpec(n: number): string;
export function chainPayload(n: number, depth?: number): { root: unknown };
