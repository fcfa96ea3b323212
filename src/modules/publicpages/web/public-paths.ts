/** Where the public pages live (Dutch paths, as the rest of the app). */
export const PUBLIC_AREAS_PATH = '/openbaar';
export const publicAreaPath = (code: string) => `${PUBLIC_AREAS_PATH}/${encodeURIComponent(code)}`;
