/**
 * Who may see which area. CBS areas are public statistics: everyone with 'areas.read' sees them all. A focus
 * area is a municipality's own working definition, so a user limited to areas (area scopes) sees only the
 * focus areas of a municipality in their scope, or the focus area itself when it is named in their scope.
 * An invisible area answers 404, exactly like an unknown one (API.md).
 */
export function canSeeFocusArea(areaScopes: readonly string[], focus: { code: string; municipalityCode: string }): boolean {
  if (areaScopes.length === 0) return true;
  return areaScopes.includes(focus.municipalityCode) || areaScopes.includes(focus.code);
}
