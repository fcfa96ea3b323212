import { SitePageView } from './SitePageView';

export default function AccessibilityPage() {
  return <SitePageView slug="accessibility" />;
}
