import { SitePageView } from './SitePageView';

export default function PrivacyPage() {
  return <SitePageView slug="privacy" />;
}
