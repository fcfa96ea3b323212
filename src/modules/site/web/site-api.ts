import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../platform/web/api-client';
import type { SaveSitePage, SitePage, SitePageList, SitePageSlug } from '../contract';

/** The footer pages' API as TanStack Query hooks. */

export function useSitePage(slug: SitePageSlug) {
  return useQuery({ queryKey: ['site-pages', slug], queryFn: () => api.get<SitePage>(`/api/v1/site-pages/${slug}`) });
}

/** All three with their bodies, for the administrator's editing page. */
export function useSitePagesForEditing() {
  return useQuery({
    queryKey: ['site-pages', 'editing'],
    queryFn: async () => {
      const { items } = await api.get<SitePageList>('/api/v1/site-pages');
      return Promise.all(items.map((item) => api.get<SitePage>(`/api/v1/site-pages/${item.slug}`)));
    },
  });
}

export function useSaveSitePage(slug: SitePageSlug) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSitePage) => api.put<SitePage>(`/api/v1/site-pages/${slug}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['site-pages', slug], saved);
      void queryClient.invalidateQueries({ queryKey: ['site-pages', 'editing'] });
    },
  });
}
