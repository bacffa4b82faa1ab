// The built-in rules' one-line summaries in Finnish and Swedish, for "Why?" and the rules
// view. The engine's catalogue has them in English (`rules()`), which the page shows in an
// English interface; the demo's test holds this table to the catalogue's ids, so a new rule
// without its summary here fails it. In the words the messages use ("päävastuutaho",
// "övrig ansvarig", "organisaatiorekisteri").
export const RULE_SUMMARIES = {
  fi: {
    "input.syntax": "Asiakirja on kelvollista JSONia.",
    "input.duplicate-key": "Mikään kenttä ei toistu samassa objektissa.",
    "input.too-large": "Asiakirja ei ylitä kokorajaa.",
    "input.too-many-findings": "Raportti luettelee kustakin vakavuustasosta enintään 50\u00a0000 havaintoa.",
    "schema.type": "Jokaisella kentällä on skeeman mukainen JSON-tietotyyppi.",
    "schema.required": "Skeeman vaatimat rakenteelliset kentät ovat mukana.",
    "schema.unknown-field": "Asiakirjassa ei ole kenttiä, joita skeema ei tunne (yleensä kirjoitusvirhe).",
    "schema.value": "Arvot ovat skeeman rajoissa.",
    "id.format": "Toimenpiteellä on numero muotoa teema.numero (tarvittaessa lisäksi kirjain).",
    "id.canonical": "Toimenpiteen numero on kirjoitettu vakiomuodossaan.",
    "id.theme": "Teema vastaa toimenpiteen numeroa.",
    "title.required": "Toimenpiteellä on otsikko kullakin vaaditulla kielellä.",
    "lead-body.required": "Toimenpiteellä on päävastuutaho.",
    "lead-body.unknown": "Päävastuutaho löytyy organisaatiorekisteristä.",
    "lead-body.joint": "Toimenpiteellä on vain yksi päävastuutaho.",
    "partners.required": "Toimenpiteellä on vähintään vaadittu määrä muita vastuutahoja.",
    "partners.unknown": "Jokainen muu vastuutaho löytyy organisaatiorekisteristä.",
    "partners.duplicate": "Samaa muuta vastuutahoa ei ole merkitty kahdesti.",
    "partners.includes-lead": "Päävastuutahoa ei ole merkitty myös muuksi vastuutahoksi.",
    "organisation.alias": "Organisaatiot merkitään rekisterin koodeilla.",
    "schedule.required": "Toimenpiteellä on aikataulu.",
    "schedule.unparsed": "Jos päivämääriä ei ole annettu, tekstinä annettu aikataulu voidaan tulkita päivämääriksi.",
    "schedule.invalid-date": "Päivämäärät ovat olemassa ja muodossa ISO 8601.",
    "schedule.order": "Aikataulun alku ei ole myöhemmin kuin sen loppu.",
    "schedule.dates": "Aikataulu, jonka teksti voidaan tulkita, on annettu myös päivämäärinä.",
    "status.required": "Toimenpiteellä on tila.",
    "status.invalid": "Tila on jokin sallituista koodeista.",
    "status.schedule": "Tila vastaa aikataulua tilannepäivänä.",
    "steps.duplicate-number": "Toimeenpanon jokaisella vaiheella on oma numeronsa.",
    "programme.duplicate-id": "Toimenpiteiden numerot ovat ohjelmassa yksilöllisiä.",
    "programme.reference": "Toimenpiteet ja toimenpidekokonaisuudet, joihin tekstissä viitataan, ovat ohjelmassa.",
  },
  sv: {
    "input.syntax": "Dokumentet är giltig JSON.",
    "input.duplicate-key": "Inget fält förekommer två gånger i samma objekt.",
    "input.too-large": "Dokumentet håller sig inom storleksgränsen.",
    "input.too-many-findings": "En rapport listar högst 50\u00a0000 iakttagelser per allvarlighetsgrad.",
    "schema.type": "Varje fält har den JSON-datatyp som schemat anger.",
    "schema.required": "De strukturella fält som schemat kräver finns med.",
    "schema.unknown-field": "Dokumentet har inga fält som schemat inte känner till (oftast ett skrivfel).",
    "schema.value": "Värdena håller sig inom schemats gränser.",
    "id.format": "Åtgärden har ett nummer i formen tema.nummer, vid behov med en bokstav.",
    "id.canonical": "Åtgärdsnumret är skrivet i sin standardform.",
    "id.theme": "Temat stämmer med åtgärdsnumret.",
    "title.required": "Åtgärden har en rubrik på varje språk som krävs.",
    "lead-body.required": "Åtgärden har en huvudansvarig.",
    "lead-body.unknown": "Den huvudansvariga finns i organisationsregistret.",
    "lead-body.joint": "Åtgärden har en enda huvudansvarig.",
    "partners.required": "Åtgärden har minst det antal övriga ansvariga som krävs.",
    "partners.unknown": "Varje övrig ansvarig finns i organisationsregistret.",
    "partners.duplicate": "Ingen övrig ansvarig anges två gånger.",
    "partners.includes-lead": "Den huvudansvariga anges inte också bland övriga ansvariga.",
    "organisation.alias": "Organisationer anges med sina koder enligt registret.",
    "schedule.required": "Åtgärden har en tidtabell.",
    "schedule.unparsed": "En tidtabell som endast anges som text kan tolkas som datum.",
    "schedule.invalid-date": "Datumen finns och är skrivna enligt ISO 8601.",
    "schedule.order": "Tidtabellen börjar inte efter att den slutar.",
    "schedule.dates": "En tidtabell vars text kan tolkas anges också som datum.",
    "status.required": "Åtgärden har en status.",
    "status.invalid": "Statusen är en av de tillåtna koderna.",
    "status.schedule": "Statusen stämmer med tidtabellen per datumet för läget.",
    "steps.duplicate-number": "Varje steg i genomförandet har ett eget nummer.",
    "programme.duplicate-id": "Åtgärdsnumren är unika i programmet.",
    "programme.reference": "De åtgärder och åtgärdshelheter som texten hänvisar till finns i programmet.",
  },
};

/**
 * A built-in rule's summary in `lang` with the language it is in: Finnish or Swedish from the
 * table, else the catalogue's English.
 */
export function ruleSummary(id, english, lang) {
  const text = RULE_SUMMARIES[lang]?.[id];
  return text ? { text, lang } : { text: english, lang: "en" };
}
