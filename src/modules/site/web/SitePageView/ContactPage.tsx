import { SitePageView } from './SitePageView';

export default function ContactPage() {
  return <SitePageView slug="contact" />;
}
