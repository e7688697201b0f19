// The purposes a fresh portal starts with (demo seed). Admins change texts by publishing new
// versions; these are only version 1.
import type { CreatePurposeInput } from "./schemas";

type DefaultPurpose = Required<Omit<CreatePurposeInput, "sortOrder">>;

export const defaultPurposes: DefaultPurpose[] = [
  {
    key: "newsletter", channel: "EMAIL", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: true, piiCategories: ["email"],
    texts: {
      fi: { title: "Uutiskirje sähköpostiin", description: "Lähetämme sähköpostiisi uutiskirjeen uutuuksista, vinkeistä ja tapahtumista enintään kahdesti kuukaudessa." },
      sv: { title: "Nyhetsbrev per e-post", description: "Vi skickar ett nyhetsbrev om nyheter, tips och evenemang till din e-post högst två gånger i månaden." },
      en: { title: "Newsletter by email", description: "We email you a newsletter about new products, tips and events, at most twice a month." },
    },
  },
  {
    key: "sms-offers", channel: "SMS", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: ["phone"],
    texts: {
      fi: { title: "Tarjoukset tekstiviestillä", description: "Lähetämme puhelimeesi tekstiviestinä ajankohtaisia tarjouksia ja kampanjoita." },
      sv: { title: "Erbjudanden per sms", description: "Vi skickar aktuella erbjudanden och kampanjer till din telefon per sms." },
      en: { title: "Offers by text message", description: "We send current offers and campaigns to your phone by text message." },
    },
  },
  {
    key: "phone-marketing", channel: "PHONE", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: ["phone", "name"],
    texts: {
      fi: { title: "Puhelinmarkkinointi", description: "Voimme soittaa sinulle ja kertoa tuotteistamme ja palveluistamme." },
      sv: { title: "Telefonmarknadsföring", description: "Vi kan ringa dig och berätta om våra produkter och tjänster." },
      en: { title: "Phone marketing", description: "We may call you to tell you about our products and services." },
    },
  },
  {
    key: "direct-mail", channel: "POST", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: ["name", "postal address"],
    texts: {
      fi: { title: "Suoramainonta postitse", description: "Lähetämme kotiisi postitse kuvastoja ja tarjouksia." },
      sv: { title: "Direktreklam per post", description: "Vi skickar kataloger och erbjudanden hem till dig per post." },
      en: { title: "Direct mail", description: "We send catalogues and offers to your home by post." },
    },
  },
  {
    key: "personalised-offers", channel: "NONE", legalBasis: "CONSENT", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: ["purchase history", "preferences"],
    texts: {
      fi: { title: "Henkilökohtaiset tarjoukset", description: "Analysoimme ostohistoriaasi ja valintojasi (profilointi), jotta voimme näyttää sinulle sinua kiinnostavia tarjouksia." },
      sv: { title: "Personliga erbjudanden", description: "Vi analyserar din köphistorik och dina val (profilering) för att kunna visa erbjudanden som intresserar dig." },
      en: { title: "Personalised offers", description: "We analyse your purchase history and choices (profiling) to show you offers that interest you." },
    },
  },
  {
    key: "partner-sharing", channel: "NONE", legalBasis: "CONSENT", isSaleOrSharing: true, requiresDoubleOptIn: false, piiCategories: ["name", "email", "purchase history"],
    texts: {
      fi: { title: "Tietojen jakaminen kumppaneille", description: "Luovutamme yhteystietojasi ja ostohistoriaasi yhteistyökumppaneillemme heidän omaa markkinointiaan varten." },
      sv: { title: "Delning av uppgifter med partner", description: "Vi lämnar ut dina kontaktuppgifter och din köphistorik till våra samarbetspartner för deras egen marknadsföring." },
      en: { title: "Sharing with partners", description: "We share your contact details and purchase history with our partners for their own marketing." },
    },
  },
  {
    key: "customer-surveys", channel: "EMAIL", legalBasis: "LEGITIMATE_INTEREST", isSaleOrSharing: false, requiresDoubleOptIn: false, piiCategories: ["email"],
    texts: {
      fi: { title: "Asiakastyytyväisyyskyselyt", description: "Voimme pyytää sähköpostitse palautetta ostoksistasi ja palvelustamme. Voit kieltää kyselyt milloin tahansa." },
      sv: { title: "Kundundersökningar", description: "Vi kan be om respons på dina köp och vår service per e-post. Du kan när som helst säga nej till undersökningarna." },
      en: { title: "Customer surveys", description: "We may ask for feedback on your purchases and our service by email. You can object to the surveys at any time." },
    },
  },
];
