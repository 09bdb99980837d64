"""The most common ways to say it in Spanish, French, German, Portuguese, Italian, Dutch,
Polish, Turkish, Indonesian/Malay, Vietnamese, Tagalog, Swahili and Hindi/Urdu (romanised
and in Devanagari or Urdu script); rules_scripts reads the scripts without word breaks.

Read over the folded text (lower case, no accents: "mañana" -> "manana"), not the
English rewrites. Far thinner than the English rules: `looks_non_english` lets the
caller say that the screen reads English best.
"""

from __future__ import annotations

import re
import unicodedata

from psymitrix_cli.domain.safety import rules_scripts
from psymitrix_cli.domain.safety.engine import AB_NOW, HOPE, SI
from psymitrix_cli.domain.safety.index import Index
from psymitrix_cli.domain.safety.types import Tier

# A negation right before a phrase ("no quiero morir") lowers it to concern.
_NEG = r"(?<!\bno )(?<!\bnao )(?<!\bnon )(?<!\bnicht )(?<!\bniet )(?<!\bne )(?<!\bnahi )"

_ACUTE = (
    # Spanish
    rf"{_NEG}(quiero|quisiera|voy a|me voy a|necesito|deseo) (morir(me)?|matarme|suicidarme|"
    r"quitarme la vida|acabar con (todo|mi vida)|terminar con mi vida)",
    rf"{_NEG}me (quiero|voy a) (morir|matar|suicidar)",
    r"\b(ya )?no quiero (vivir|seguir viviendo|estar vivo|estar viva|seguir aqui)",
    r"\bsuicidarme\b|\bmatarme\b|\bquitarme la vida\b|\bquitar la vida\b|\btirarme (del|de un|"
    r"de la|por|desde)\b",
    r"\bme voy a (tirar|lanzar|aventar) (de|del|por|desde) ",
    r"\b(pastillas|pildoras)( \w+)? (listas|guardadas|juntadas)",
    r"\bno quiero despertar",
    # French
    rf"{_NEG}\bje (veux|voudrais|vais) (mourir|me (tuer|suicider|foutre en l'air|jeter))",
    r"\bje vais (me suicider|me tuer|en finir|mettre fin a (mes jours|ma vie))",
    r"\b(envie|besoin) de (mourir|me tuer|me suicider|en finir)",
    r"\bn'ai plus envie de vivre|\bne veux plus vivre|\bplus envie de vivre",
    r"\ben finir avec (la vie|ma vie|tout)",
    r"\b(je veux|je vais|j'ai envie d'|envie d') en finir( ce soir| aujourd'hui| demain| "
    r"maintenant)?$",
    r"\bme (suicider|tuer)\b",
    r"\bdecide de (me suicider|mourir|en finir|me tuer)",
    r"\bmettre fin a (mes jours|ma vie)",
    r"\b(sauter|me jeter) (du|d'un|de la|sous|depuis) ",
    # German
    rf"{_NEG}\bich (will|mochte|moechte|werde) (sterben|mich umbringen|mich toten|mich "
    r"toeten|nicht mehr leben|mir das leben nehmen|tot sein)",
    r"\bich (bringe|bring) mich (heute |morgen |jetzt )?(nacht )?um\b",
    r"\bmich( \w+){0,3} (umbringen|toten|toeten)\b|\bmir( \w+)? das leben (zu )?nehmen",
    r"\bme (pendre|noyer|jeter (du|d'un|sous|par))|\bm'ouvrir les veines",
    r"\bme jogar (da|de|do|na|no|debaixo)\b",
    r"\bmi (ammazzo|uccido|suicido|butto (dal|da|sotto))\b",
    r"\b(will|mochte|moechte|kann) nicht mehr leben",
    r"\b(selbstmord|suizid) (begehen|machen)",
    r"\b(tabletten|pillen)( \w+){0,3} (gesammelt|gehortet|bereit)",
    r"\bvon (der|einer) brucke springen",
    # Portuguese
    rf"{_NEG}\b(eu )?(quero|vou|preciso) (morrer|me matar|me suicidar|acabar com (a minha|minha) "
    r"vida|tirar (a )?minha (propria )?vida)",
    r"\b(nao|ja nao) quero mais viver|\bnao quero viver mais",
    r"\bme matar\b|\bme suicidar\b|\bmatar-me\b|\bsuicidar-me\b",
    # Italian
    rf"{_NEG}\b(voglio|vorrei|devo) (morire|uccidermi|ammazzarmi|suicidarmi|farla finita|"
    r"togliermi la vita)",
    r"\bmi (voglio|vado a) (uccidere|ammazzare|suicidare)",
    r"\bnon voglio piu vivere",
    r"\b(togliermi la vita|farla finita|uccidermi|ammazzarmi|suicidarmi)\b",
    # Dutch
    rf"{_NEG}\bik wil (dood|sterven|niet meer leven|zelfmoord plegen)",
    r"\bmezelf (van kant maken|doden|ombrengen)|\bzelfmoord plegen",
    # Hindi / Urdu, romanised
    r"\b(mujhe|main|mai|mein|me) (bas |ab |sach mein |bhi )?(marna|mar jana|mar jaana|"
    r"marjana)( hai| chahta| "
    r"chahti| chahata)?\b(?! nahi| nahin)",
    r"\bmar (jana|jaana|jaun|jaaun|jaunga|jaungi) (chahta|chahti|hai|hoon|hun)",
    r"\b(khudkushi|khud kushi|khudkhushi|aatmahatya|atmahatya)\b",
    r"\b(apni )?jaan (de|le) (dunga|dungi|doon|du|lunga|lungi|loon|lena|dena)\b",
    r"\b(apni )?jaan (lena|dena|le lunga|de dunga)\b",
    r"\b(jeena|jina|jeene) nahi (hai|chahta|chahti|chahata)|\bjeena nahi\b",
    r"\bmarne ka (mann|man|dil)",
    r"\bmarne (wala|wali) (hoon|hun|hu|hai)",
    r"\bmar (jaunga|jaungi|jaaunga|jaaungi|jaoonga|jaoongi)\b",
    r"\bjaan (deni|leni|dena|lena) hai",
    r"\bkhud ko (khatam|khatm|maar|mar|maarna|marna)",
    r"\b(pensando|penso|pense|pensei) en (suicidarme|matarme|quitarme la vida)",
    r"\bzindagi (khatam|khtm) (kar|karna)",
    # Devanagari and Urdu script (folded with NFKD like the text).
    r"मरना|मर जाना|मर जाऊं|आत्महत्या|खुदकुशी|ख़ुदकुशी|जान दे दूंगा|जान दे दूँगा|जीना नहीं",
    r"(अपनी )?जान (ले|दे) (लूँगी|लूंगी|लूँगा|लूंगा|दूँगी|दूंगी|लेनी|देनी)|खुद को (खत्म|मार)",
    r"\bsab (kuch )?(khatam|khatm|khtm) kar (dunga|dungi|doonga|doongi|lunga|lungi|dena)",
    r"\b(pankhe|pankha|fan|chhat) (se|pe|par) (rassi|rassa|dupatta|chunni|phanda|fanda)",
    r"\b(aur|ab) nahi (jee|ji|jeena|jina) (sakta|sakti|paunga|paungi)",
    r"\b(kood|kud|koodh) (jaunga|jaungi|jaaunga|jaaungi|jaoonga|jaoongi|jaunga)\b",
    r"\bme tiro (del|de un|de la|desde el|al|a las) (puente|edificio|balcon|ventana|tren|vias|"
    r"azotea|techo)",
    r"\bla faccio finita\b|\bmi butto (dal|da un|sotto)\b",
    r"\bme tomo todas las (pastillas|pildoras)\b|\b(tomarme|tomar) todas las (pastillas|pildoras)",
    r"\bacabar com (isso|tudo) de vez\b|\btirar a minha vida",
    r"\bskocze z (dachu|mostu|okna|balkonu)|\bodebrac sobie zycie|\bzabije sie\b|\bchce umrzec",
    r"\b(maak|make) ik er een (eind|einde) aan\b|\bmijn leven (beeindigen|beindigen)",
    r"\bkendimi oldur\w*|\bintihar edece\w*|\bolmek istiyorum",
    r"\byasamak istemiyorum|\bcan[iı]ma k[iı]yaca\w*|\bkendimi (asaca|oldurece)\w*|"
    r"\bintihar (etmek istiyorum|edicem)",
    r"\bnie chce (juz |dalej )?zyc\b|\bpope[lł]nie samobojstwo|\bskoncze ze soba|"
    r"\bchce sie zabic",
    # Indonesian and Malay
    r"(?<!tidak )(?<!gak )(?<!nggak )(?<!ga )(?<!tak )\b(mau|ingin|pengen|pingin|nak|akan) "
    r"(mati|bunuh diri)\b",
    r"\bmengakhiri (hidupku|hidup saya|hidup aku|nyawaku|hidupnya sendiri)|\bakhiri hidupku|"
    r"\b(gak|ga|nggak|tidak|tak) (mau|ingin|nak) hidup lagi",
    # Vietnamese (folded: "muốn chết" -> "muon chet")
    r"\b(toi|em|anh|minh|tao|con) (\w+ ){0,2}(muon|se|sap|dinh|quyet dinh) (chet|tu tu|tu sat)\b",
    r"\bkhong (muon|con muon) song (nua|tiep)\b|\bmuon (tu tu|tu sat)\b",
    # Tagalog
    r"\bgusto (ko|kong) (nang |na )?(mamatay|magpakamatay)|\bmagpapakamatay (na )?ako|"
    r"\bpapatayin ko (ang )?sarili ko|\b(ayoko|ayaw ko) (nang|na) mabuhay",
    # Swahili
    r"\bnataka (kufa|kujiua)\b|\bnitajiua\b|\bsitaki kuishi( tena)?\b",
    r"مرنا|خودکشی|مر جانا",
)

# Abuse happening now: being hit this minute, or hiding or locked in from someone (with
# what they are doing, so "me encerré en el baño a llorar" stays ordinary).
_ABUSE_NOW = (
    r"\bme (esta|estan) (pegando|golpeando|ahorcando|estrangulando)|\b(estoy|estamos) "
    r"(escondid|encerrad)[oa]s? (en|con)\b.{0,80}(pega|golpe|matar|cuchillo|borracho|puerta)|"
    r"\bme encerre (en|con)\b.{0,80}(pega|golpe|matar|cuchillo|borracho|puerta)|\bnos va a "
    r"matar\b",
    r"\b(esta|ta) me (batendo|agredindo|espancando|enforcando)|\b(me tranquei|(to|estou) "
    r"(trancad|escondid)[oa]) (no|na|em|com)\b.{0,80}(bat|faca|matar|bebado|porta)",
    r"\bbije mnie\b|\b(zamkn[eę][lł]am|schowa[lł]am) si[eę]\b.{0,80}(bije|zabije|n[oó]z|"
    r"pijany|drzwi)",
    r"\bma (loveste|bate) acum\b|\bm-am ascuns\b.{0,80}(loveste|bate|omoara|cutit|beat)",
    r"\bschlagt mich (gerade|jetzt)|\b(habe|hab) mich (im|in der|in dem) \w+ (eingeschlossen|"
    r"versteckt)\b.{0,80}(schlagt|umbringen|messer|betrunken|tur)",
    r"\b(il|elle) me (frappe|bat|etrangle) (en ce moment|maintenant|la)\b|\bje me suis "
    r"(enfermee?|cachee?) (dans|sous)\b.{0,80}(frappe|tuer|couteau|ivre|porte)",
    r"\bmi sta (picchiando|colpendo|strangolando)|\bmi sono (chius|nascost)[ao] (in|nel|nella|"
    r"dentro)\b.{0,80}(picchia|ammazza|uccide|coltello|ubriaco|porta)",
    r"\b(mujhe|muje) (abhi )?(maar|mar) (raha|rahi) (hai|h)\b|\b(chhupi|chupi|chhupa|chupa) "
    r"(hoon|hun|hu|hui)\b.{0,80}(maar|darwaza|chaku)|(maar|darwaza|chaku).{0,80}\b(chhupi|"
    r"chupi|chhupa|chupa) (hoon|hun|hu|hui)\b|\bjaan se maar (dega|degi|denge)",
    r"يضربني( \S+){0,2} الآن|مختبئ\S* في",
)

_CONCERN = (
    (
        r"\bsin esperanza|\bno veo salida|\bquisiera desaparecer|\bno puedo mas\b|\bquiero "
        r"desaparecer|\bdeprimid[oa]\b|\bno aguanto mas",
        HOPE,
    ),
    (
        r"\bno puedo (mas )?con mi vida|\b(harta|harto|cansad[oa]) de vivir|\bdisperat[oa]\b|"
        r"\bdesesperad[oa]\b|"
        r"\bsin ganas de vivir|\bkeine hoffnung mehr|\bdesesperee?\b|"
        r"\bau bout du rouleau|"
        r"\bplus d'espoir|\bsans espoir|\bdisparaitre\b|"
        r"\bje n'en peux plus|"
        r"\bdeprime\b|"
        r"\bplus la force|\bje me "
        r"sens (tellement |si |tres |trop )?(vide|inutile|nul|nulle|seule?|perdue?|sans valeur|"
        r"mal)",
        HOPE,
    ),
    (
        r"\bno tengo ganas de nada|\bnada tiene sentido|\bme siento (vacio|vacia|inutil|sola|solo|"
        r"perdid[oa])",
        HOPE,
    ),
    (
        r"\bich fuhle mich (so )?(leer|wertlos|nutzlos|allein)|\bich schaffe (das )?(alles )?nicht "
        r"mehr",
        HOPE,
    ),
    (r"\bme sinto (vazio|vazia|inutil|sozinh[oa])|\bmi sento (vuot[oa]|inutile|sol[oa])", HOPE),
    (
        r"\bhoffnungslos|\bwunschte,? (ich,? )?ich ware (nicht (mehr )?da|tot)|\bkann nicht mehr\b|"
        r"\bkeinen sinn mehr",
        HOPE,
    ),
    (r"\bsem esperanca|\bnao aguento mais|\bqueria desaparecer|\bdeprimid[oa]\b", HOPE),
    (r"\bsenza speranza|\bnon ce la faccio piu|\bvorrei sparire|\bdepress[oa]\b", HOPE),
    (r"\bhopeloos|\bik kan niet meer\b", HOPE),
    (
        r"\bputus asa\b|\btidak ada harapan|\b(capek|lelah|penat) hidup|\bmenyakiti diri|"
        r"\bbunuh diri\b|\bjadi beban\b|\btuyet vong\b|\bmet moi voi cuoc song|"
        r"\bwala (nang|na) pag-asa|\bpagod na ako sa buhay|\bkujiua\b|\bumutsuz\w*|"
        r"\bbez nadziei|\bsamobojstw\w*",
        HOPE,
    ),
    (
        r"\b(udaas|udas|pareshan)\b( \w+){0,3} (kuch|koi)|\bkuch (accha|acha|achha) nahi lagta|"
        r"\bgayab ho (jaun|jaaun|jaon)|\bkoi (fayda|faida) nahi|\bumeed nahi|\bnirash",
        HOPE,
    ),
)

_index: list[Index] = []
_compiled: dict[int, re.Pattern[str]] = {}
_WORDS = re.compile(r"[\w']+")


def _phrases() -> list[tuple[str, Tier, str]]:
    nfkd = lambda p: unicodedata.normalize("NFKD", p)  # noqa: E731 - the text is NFKD too
    return (
        [(nfkd(p), "acute", SI) for p in _ACUTE]
        + [(nfkd(p), "acute", AB_NOW) for p in _ABUSE_NOW]
        + [(p, "concern", k) for p, k in _CONCERN]
    )


_phrase_list: list[list[tuple[str, Tier, str]]] = []


def phrases() -> list[tuple[str, Tier, str]]:
    """The patterns with their tiers, NFKD-folded on first use (not at import)."""
    if not _phrase_list:
        _phrase_list.append(_phrases())
    return _phrase_list[0]


def screen(folded: str, everything: bool = False) -> tuple[Tier, str] | None:
    """The highest tier the other-language rules find in folded text, with its kind."""
    if not _index:
        _index.append(Index([p for p, _, _ in phrases()], "intl"))
    pids = range(len(phrases())) if everything else _index[0].candidates(_WORDS.findall(folded))
    found: tuple[Tier, str] | None = None
    for pid in pids:
        pattern = _compiled.get(pid)
        if pattern is None:
            pattern = _compiled[pid] = re.compile(phrases()[pid][0])
        if pattern.search(folded):
            _, tier, kind = phrases()[pid]
            if tier == "acute":
                return tier, kind
            found = found or (tier, kind)
    return rules_scripts.screen(folded) or found
