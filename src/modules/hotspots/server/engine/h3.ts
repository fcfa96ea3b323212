import type * as H3Js from 'h3-js';

type H3 = typeof H3Js;

let library: H3 | undefined;

/**
 * h3-js sets aside a 32 MB WebAssembly heap the moment it is imported (about 13 MB of it resident at once),
 * and most servers seldom run an analysis on H3 cells. So the library loads at the first such analysis:
 * its entry point awaits `loadH3()`, and the synchronous code below it asks `h3()`.
 */
export async function loadH3(): Promise<H3> {
  library ??= await import('h3-js');
  return library;
}

/** h3-js, once `loadH3()` has run; a call before that is a programming error. */
export function h3(): H3 {
  if (!library) throw new Error('h3-js is used before loadH3() loaded it');
  return library;
}
