import type { ImportField } from "./schemas";

// Header names as CRM and spreadsheet exports write them (HubSpot, Salesforce, Finnish and Swedish
// Excel), normalised: lower case, letters and digits only.
const synonyms: Record<ImportField, string[]> = {
  email: ["email", "emailaddress", "email1", "sähköposti", "sahkoposti", "sähköpostiosoite", "epost", "epostadress", "mail"],
  phone: [
    "phone", "phonenumber", "mobilephonenumber", "mobilephone", "mobile", "mobilenumber", "homephone", "otherphone", "puhelin", "puhelinnumero", "matkapuhelin",
    "gsm", "tel", "telefon", "telefonnummer", "mobiltelefon", "mobil",
  ],
  externalId: ["recordid", "contactid", "id", "customerid", "customernumber", "crmid", "externalid", "asiakasnumero", "asiakasid", "asiakastunnus", "kundnummer", "kundid"],
  givenName: ["firstname", "givenname", "etunimi", "förnamn", "fornamn"],
  familyName: ["lastname", "surname", "familyname", "sukunimi", "efternamn"],
  streetAddress: ["streetaddress", "address", "street", "mailingstreet", "katuosoite", "osoite", "lähiosoite", "gatuadress", "adress", "postadress"],
  postalCode: ["postalcode", "zip", "zipcode", "postcode", "mailingpostalcode", "postinumero", "postnummer"],
  city: ["city", "town", "mailingcity", "kaupunki", "postitoimipaikka", "kunta", "paikkakunta", "stad", "ort", "postort"],
  country: ["country", "countryregion", "countrycode", "mailingcountry", "mailingcountrycode", "maa", "land"],
  preferredLanguage: ["language", "preferredlanguage", "lang", "locale", "kieli", "asiointikieli", "språk", "sprak"],
  birthDate: ["birthdate", "dateofbirth", "birthday", "dob", "syntymäaika", "syntymaaika", "födelsedatum", "fodelsedatum"],
  organisationName: ["companyname", "company", "accountname", "organisation", "organization", "organisationname", "organizationname", "yritys", "yrityksennimi", "organisaatio", "företag", "foretag", "företagsnamn"],
  businessId: ["businessid", "ytunnus", "vatnumber", "companyid", "organisationsnummer", "fobusinessid"],
  organisationRole: ["jobtitle", "title", "role", "titteli", "rooli", "tehtävä", "asema", "titel", "befattning", "roll"],
  createdAt: ["createdate", "createddate", "createdat", "created", "datecreated", "luotu", "luontipäivä", "luontiaika", "skapad", "skapadden"],
};

const normalise = (name: string) => name.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** A first guess of the column mapping from the header's names (Finnish, Swedish, English). Pure. */
export function guessMapping(columns: string[]): Partial<Record<ImportField, string>> {
  const guess: Partial<Record<ImportField, string>> = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(synonyms) as [ImportField, string[]][]) {
    // The earlier synonym wins: "Email" before "Mail", "Phone Number" before "Mobile Phone Number".
    const column = names.map((n) => columns.find((c) => normalise(c) === n && !taken.has(c))).find(Boolean);
    if (!column) continue;
    guess[field] = column;
    taken.add(column);
  }
  return guess;
}

/**
 * Which column answers each purpose: a header equal to the purpose's key or one of its localised
 * titles (normalised as above), e.g. "Uutiskirje" or "Newsletter". Purpose key → column. Pure.
 */
export function guessConsentColumns(columns: string[], purposes: { key: string; titles: string[] }[]): Record<string, string> {
  const guess: Record<string, string> = {};
  for (const purpose of purposes) {
    const names = new Set([purpose.key, ...purpose.titles].map(normalise).filter(Boolean));
    const column = columns.find((c) => names.has(normalise(c)) && !Object.values(guess).includes(c));
    if (column) guess[purpose.key] = column;
  }
  return guess;
}
