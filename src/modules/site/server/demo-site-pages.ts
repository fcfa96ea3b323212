import type { Database } from '../../../platform/server/index.js';
import type { Kysely } from 'kysely';
import type { SitePageSlug } from '../contract.js';
import { insertDemoSitePage } from './site.queries.js';
import { siteDb } from './site.tables.js';

/**
 * What the demo says about itself behind the footer links. Each text describes this demo installation as it
 * is built (docs/site.md), not a municipality: a municipality that runs Wijkregie writes its own. Written only
 * where no row exists, so a text the administrator saved is never overwritten; marked as demo on screen.
 */
const DEMO_PAGES: Record<SitePageSlug, { title: string; body: string }> = {
  privacy: {
    title: 'Privacyverklaring (demo)',
    body: `Dit is de privacyverklaring van de demoversie van Wijkregie. Ze beschrijft wat deze demo opslaat. Een gemeente die Wijkregie echt gebruikt, schrijft hier haar eigen verklaring.

Voer geen echte persoonsgegevens in. Deze demo is bedoeld om te laten zien hoe Wijkregie werkt, niet om echt mee te werken.

Wat deze demo opslaat:
- Accounts: fictieve gebruikers (zoals beheerder, regisseur en politie) van fictieve partnerorganisaties, met een gebruikersnaam, een weergavenaam, rollen en de gekozen taal. Het wachtwoord staat alleen in onleesbare vorm (als hash) opgeslagen.
- Sessies: wie ingelogd is, zolang de sessie loopt. Een sessie vervalt na 30 minuten zonder gebruik en uiterlijk na 12 uur, en wordt daarna verwijderd.
- Inlogpogingen: om raden van wachtwoorden af te remmen, bewaren we inlogpogingen per gebruikersnaam en IP-adres zolang de beperking terugkijkt (standaard 15 minuten).
- Signalen: de signalen in de demo zijn synthetisch, door de demo zelf gemaakt, en staan in het scherm gemarkeerd als synthetisch. Ze gaan niet over echte mensen of adressen.
- Pseudoniemen: personen en groepen in een signaal worden opgeslagen als pseudoniem (een sleutelcode), niet met naam. Alleen de casusregisseur kan zien wie achter een pseudoniem zit.
- Auditlog: elke wijziging en elk inzien van gevoelige gegevens wordt vastgelegd met wie het deed en wanneer. Het auditlog kan niet worden gewijzigd of gewist en blijft bewaard zolang deze installatie bestaat.
- Cijfers: de cijfers over wijken en buurten zijn openbare statistieken van het CBS over gebieden, niet over personen.
- Nieuwsbrief: wie zich aanmeldt voor de nieuwsbrief voor bewoners, laat een e-mailadres en de gekozen gebieden achter. We gebruiken het adres alleen voor die nieuwsbrief en laten het aan niemand zien. Een aanmelding die niet binnen 48 uur is bevestigd, wordt verwijderd; na afmelden wordt het adres meteen verwijderd.

Bewaartermijnen:
- Een signaal wordt automatisch verwijderd na de bewaartermijn van zijn soort (12 tot 60 maanden), tenzij iemand met een vastgelegde reden de termijn verlengt.
- Een opgeslagen hotspot-analyse van signalen vervalt uiterlijk wanneer het eerste signaal waarop ze is gebaseerd, wordt verwijderd.
- Accounts, programma's, overleggen, financiën en het auditlog blijven bewaard zolang deze demo-installatie bestaat.

In je browser: Wijkregie gebruikt alleen een sessiecookie om je ingelogd te houden en onthoudt je taalkeuze in je browser. Er zijn geen trackers of advertentiecookies. Zonder extra instelling haalt je browser niets op bij andere diensten; is er een achtergrondkaart ingesteld, dan haalt je browser de kaartbeelden op bij die kaartdienst.

Vragen over deze demo? Zie de pagina Contact.`,
  },
  accessibility: {
    title: 'Toegankelijkheidsverklaring (demo)',
    body: `Dit is de toegankelijkheidsverklaring van de demoversie van Wijkregie. Ze volgt de opbouw van het Nederlandse model voor een toegankelijkheidsverklaring. Een gemeente die Wijkregie gebruikt, stelt een eigen verklaring op na een eigen onderzoek.

Status: gedeeltelijk voldoet. Wijkregie streeft naar de eisen van WCAG 2.1 op niveau AA. Er is geen onafhankelijk onderzoek (audit) gedaan. Daarom kunnen we niet zeggen dat de toepassing volledig voldoet.

Wat we hebben gecontroleerd:
- Automatische controles met axe in de browsertests, op de pagina's die de tests bezoeken. Die tests vinden een deel van de problemen, niet alle.
- Bediening met het toetsenbord bij een deel van de taken, zoals een overleg plannen, een koppeling kiezen en een adres zoeken bij een signaal.
- Weergave op een smal scherm (390 pixels, telefoon) bij een deel van de taken, en bij 200% vergroting op de pagina's Privacy, Toegankelijkheid en Contact. Andere pagina's zijn niet apart op 200% vergroting getest.

Bekende beperkingen:
- Kaarten zijn niet goed te gebruiken zonder muis of met een schermlezer. Wat een kaart laat zien, staat daarom ook in een tabel op dezelfde pagina.
- Een punt op de kaart aanwijzen vraagt een muis of aanraking. Bij een signaal kan het ook zonder kaart: met coördinaten, met alleen de buurt, of door een adres te zoeken als er een adreszoeker is ingesteld.
- Niet elke pagina is met een schermlezer getest.

Contact bij een probleem: loop je tegen een toegankelijkheidsprobleem aan, zie dan de pagina Contact. In deze demo is geen telefoonnummer of e-mailadres ingesteld. Een gemeente die Wijkregie gebruikt, vermeldt hier waar je terecht kunt en hoe snel je antwoord krijgt.`,
  },
  contact: {
    title: 'Contact (demo)',
    body: `Dit is de demoversie van Wijkregie. Er zit geen gemeente achter en er is geen helpdesk.

In deze demo is geen telefoonnummer of e-mailadres ingesteld. Een gemeente die Wijkregie gebruikt, vult hier in waar je terecht kunt met vragen, met een probleem of met een verzoek over je gegevens.

Een voorbeeld van hoe dat eruit kan zien (geen echt adres):
- E-mail: wijkregie@example.org
- Bereikbaar op werkdagen

Vind je een fout in de demo? Noteer de versie die onderaan elke pagina staat.`,
  },
};

export async function seedDemoSitePages(db: Kysely<Database>): Promise<void> {
  const sdb = siteDb(db);
  for (const [slug, page] of Object.entries(DEMO_PAGES)) await insertDemoSitePage(sdb, { slug, ...page });
}
