/** Where the public pages live (Dutch paths, as the rest of the app). */
export const PUBLIC_AREAS_PATH = '/openbaar';
export const publicAreaPath = (code: string) => `${PUBLIC_AREAS_PATH}/${encodeURIComponent(code)}`;
/** The lessons the municipality shares publicly; a path no area code can take (those start with NL00, GM, WK, BU or FA). */
export const PUBLIC_LESSONS_PATH = `${PUBLIC_AREAS_PATH}/lessen`;
