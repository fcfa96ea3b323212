/**
 * An example is marked once: with the "Voorbeeld" badge, unless its name already says so (the demo's goals are
 * called "Voorbeeld: …"), so a list does not read "Voorbeeld: Wielwijk groeit … Voorbeeld".
 */
export function nameSaysExample(name: string): boolean {
  return /^\s*(voorbeeld|example)\b/i.test(name);
}

export function needsExampleBadge(item: { name: string; isExample: boolean }): boolean {
  return item.isExample && !nameSaysExample(item.name);
}
