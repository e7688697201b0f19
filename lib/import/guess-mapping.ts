import type { ImportField } from "./schemas";

const synonyms: Record<ImportField, string[]> = {
  email: ["email", "e-mail", "sähköposti", "sahkoposti", "e-post", "epost", "mail", "emailaddress"],
  phone: ["phone", "puhelin", "puhelinnumero", "telefon", "mobile", "matkapuhelin", "gsm", "tel", "phonenumber"],
  externalId: ["id", "customerid", "asiakasnumero", "asiakasid", "kundnummer", "customernumber", "crmid", "externalid"],
  givenName: ["firstname", "givenname", "etunimi", "förnamn", "fornamn"],
  familyName: ["lastname", "surname", "familyname", "sukunimi", "efternamn"],
  streetAddress: ["address", "street", "streetaddress", "katuosoite", "osoite", "gatuadress", "adress"],
  postalCode: ["postalcode", "zip", "zipcode", "postinumero", "postnummer", "postcode"],
  city: ["city", "kaupunki", "postitoimipaikka", "stad", "ort", "kunta", "town"],
  country: ["country", "maa", "land", "countrycode"],
  preferredLanguage: ["language", "kieli", "språk", "sprak", "lang", "locale"],
  birthDate: ["birthdate", "dateofbirth", "syntymäaika", "syntymaaika", "födelsedatum", "dob"],
};

const normalise = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** A first guess of the column mapping from the header's names (Finnish, Swedish, English). Pure. */
export function guessMapping(columns: string[]): Partial<Record<ImportField, string>> {
  const guess: Partial<Record<ImportField, string>> = {};
  for (const [field, names] of Object.entries(synonyms) as [ImportField, string[]][]) {
    const column = columns.find((c) => names.includes(normalise(c)));
    if (column) guess[field] = column;
  }
  return guess;
}
