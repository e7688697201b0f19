// A Finnish Excel export ("CSV (semicolon)") shaped as a real one: BOM, semicolons, padded
// upper-case emails, d.m.yyyy dates, kyllä/ei, "Suomi" and "Ruotsi" for countries, Y-tunnus, a
// region where a country belongs ("Lappi", mapped in the value map) and two bad rows. Shared by
// the report's integration test and the browser test, so both prove the same counts.

/** The consent column's header: not a purpose's title, so it is mapped by hand. */
export const CONSENT_COLUMN = "Markkinointilupa";

export function finnishExport(stamp: string, { rows = "all" }: { rows?: "all" | "second" } = {}): string {
  const header = `Asiakasnumero;Etunimi;Sukunimi;Sähköposti;Puhelin;Katuosoite;Postinumero;Postitoimipaikka;Maa;Syntymäaika;Yritys;Y-tunnus;Titteli;${CONSENT_COLUMN}`;
  const first = [
    `FI-${stamp}-1;Aino;Järvinen;  AINO.JARVINEN.${stamp}@EXAMPLE.TEST ;040 765 4321;Kauppakatu 3;40100;Jyväskylä;Suomi;3.4.1985;Järvisen Puutarha Oy;1572860-0;Toimitusjohtaja;kyllä`,
    `FI-${stamp}-2;Bengt;Nyström;bengt.nystrom.${stamp}@example.test;;Storgatan 1;11122;Stockholm;Ruotsi;12.11.1970;;;;ei`,
    `FI-${stamp}-3;Kaisa;Lappalainen;kaisa.lappalainen.${stamp}@example.test;;Rovakatu 2;96100;Rovaniemi;Lappi;1.1.1990;;;;kyllä`,
    // Maija Meikäläinen's phone (demo data) with another address: a new person and a duplicate candidate, never a merge.
    `FI-${stamp}-4;Maija;M.;maija.m.${stamp}@example.test;040 123 4567;Mannerheimintie 1 A 2;00100;Helsinki;Suomi;;;;;`,
    `FI-${stamp}-5;Virhe;Päivä;virhe.paiva.${stamp}@example.test;;;;;Suomi;31.02.1980;;;;`,
    `FI-${stamp}-6;Huono;Tunnus;huono.tunnus.${stamp}@example.test;;;;;Suomi;;Firma Oy;1234567-2;;`,
  ];
  const second = [`FI-${stamp}-7;Outi;Oksanen;outi.oksanen.${stamp}@example.test;;Puistotie 4;90100;Oulu;Lappi;;;;;kyllä`];
  return `\uFEFF${[header, ...(rows === "all" ? first : second)].join("\r\n")}\r\n`;
}

/** The refused rows of the full file: line in the file (header = 1) and column. */
export const refusedLines = [
  { line: 6, column: "Syntymäaika" },
  { line: 7, column: "Y-tunnus" },
];
