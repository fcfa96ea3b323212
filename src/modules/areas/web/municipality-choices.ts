import { useQuery } from '@tanstack/react-query';
import { api } from '../../../platform/web/api-client';

export interface MunicipalityChoice {
  code: string;
  name: string;
}

/**
 * The municipalities a person can plan in, by name: those of the newest loaded year, and every municipality
 * with a focus area (an area-based approach runs there, whatever year its CBS figures are of). Sorted by
 * name in Dutch order, for a select that shows names and keeps the CBS code as its value.
 */
export function useMunicipalityChoices() {
  return useQuery({
    queryKey: ['areas', 'municipality-choices'],
    queryFn: async (): Promise<MunicipalityChoice[]> => {
      const [latest, focus] = await Promise.all([
        api.get<{ items: { code: string; name: string }[] }>('/api/v1/areas?level=gemeente'),
        api.get<{ items: { parentCode: string | null }[] }>('/api/v1/areas?level=focus'),
      ]);
      const byCode = new Map(latest.items.map((m) => [m.code, m.name]));
      const missing = [...new Set(focus.items.map((f) => f.parentCode).filter((code): code is string => code !== null && !byCode.has(code)))];
      for (const code of missing) byCode.set(code, (await api.get<{ name: string }>(`/api/v1/areas/${encodeURIComponent(code)}`)).name);
      return [...byCode].map(([code, name]) => ({ code, name })).sort((x, y) => x.name.localeCompare(y.name, 'nl'));
    },
    staleTime: 300_000,
  });
}
