"""Inputs in legacy encodings come out as the Unicode text they hold, and JSON says
which encoding was used; --encoding forces one.

Each text is a news item written for these tests: several lines long, or one to
three sentences, as scraped snippets often are, for Latin-script text that
charset-normalizer cannot tell from cp1252.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsclean import clean_bytes
from newsclean.cli import main
from newsclean.detect import UnknownEncoding, decode_text

NEWS = {
    "cp1251": (
        "Новый мост через реку откроют к осени\n\n"
        "В понедельник городская администрация сообщила, что строительство нового моста идёт по графику.\n\n"
        "Подрядчик уже закончил опоры и приступил к укладке пролётов, несмотря на дождливое начало лета.\n\n"
        "По словам главы района, движение по мосту откроют в сентябре, а пешеходную дорожку — чуть позже.\n\n"
        "Жители соседних улиц надеются, что пробки в центре станут заметно короче.\n"
    ),
    "koi8_r": (
        "Музей истории края получил в дар старинные карты\n\n"
        "Коллекционер из Твери передал музею двенадцать карт губернии, составленных в девятнадцатом веке.\n\n"
        "Сотрудники музея говорят, что некоторые листы нуждаются в реставрации, прежде чем их покажут публике.\n\n"
        "Выставка откроется весной, и вход на неё в первый месяц будет бесплатным для школьников.\n"
    ),
    "cp1250": (
        "Nowa linia tramwajowa połączy dworzec z osiedlami\n\n"
        "Władze miasta zatwierdziły w środę plan budowy linii, która połączy dworzec główny z północnymi osiedlami.\n\n"
        "Prace mają ruszyć wiosną przyszłego roku, a pierwsze składy pojadą po nowych torach jesienią.\n\n"
        "Mieszkańcy od dawna skarżyli się na zatłoczone autobusy i korki na głównej ulicy dzielnicy.\n\n"
        "Radni podkreślają, że koszt inwestycji w większości pokryją „środki zewnętrzne”.\n"
    ),
    "cp1253": (
        "Νέα προβλήτα για τα κρουαζιερόπλοια στο λιμάνι\n\n"
        "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τα σχέδια για την επέκταση του λιμανιού της πόλης.\n\n"
        "Σύμφωνα με τον δήμαρχο, οι εργασίες θα ξεκινήσουν τον Μάρτιο και θα διαρκέσουν περίπου δύο χρόνια.\n\n"
        "Οι επαγγελματίες της περιοχής ελπίζουν ότι η προβλήτα θα φέρει “περισσότερους επισκέπτες” το καλοκαίρι.\n\n"
        "Οι κάτοικοι, ωστόσο, ανησυχούν για την κυκλοφορία στους γύρω δρόμους.\n"
    ),
    "gbk": (
        "市政府宣布扩建城东公园\n\n"
        "本周二，市政府在新闻发布会上宣布，将在明年春天开始扩建城东公园。\n\n"
        "根据规划，公园将新增一条沿河步道和两个儿童游乐场，总面积扩大约三分之一。\n\n"
        "负责该项目的官员表示，施工期间公园大部分区域仍将对市民开放。\n\n"
        "附近居民对这一消息表示欢迎，但也希望施工不会影响早晨的锻炼。\n"
    ),
    "big5": (
        "捷運新路線明年通車\n\n"
        "交通局週三表示，連接市區與機場的新捷運路線預計將於明年夏天正式通車。\n\n"
        "這條路線全長約二十公里，沿途設有十二個車站，其中三個為轉乘站。\n\n"
        "官員指出，通車後從市中心到機場的時間將縮短至半小時以內。\n\n"
        "不少通勤族表示期待，但也有居民擔心施工期間的噪音問題。\n"
    ),
    "shift_jis": (
        "市立図書館が開館五十周年の展示会\n\n"
        "市立図書館は今月、開館から五十年を迎えたことを記念して、古い写真や資料を集めた展示会を開いた。\n\n"
        "会場には、創立当時の閲覧室の様子を写した写真や、手書きの貸出カードなどが並んでいる。\n\n"
        "館長は「多くの市民に支えられてきた歴史を知ってほしい」と話している。\n\n"
        "展示会は来月末まで開かれ、入場は無料となっている。\n"
    ),
}

# The name JSON reports for each: Python's name for the codec that read the text.
# GBK is read as its superset GB18030 and Shift-JIS as cp932 (Windows' Shift-JIS),
# as browsers do, so that the characters either adds are not lost.
REPORTED = {"cp1251": "cp1251", "koi8_r": "koi8-r", "cp1250": "cp1250", "cp1253": "cp1253",
            "gbk": "gb18030", "big5": "big5", "shift_jis": "cp932"}

WESTERN = {
    "french": "Le conseil municipal a voté mercredi la rénovation complète de la piscine du quartier.\n\n"
              "Les travaux débuteront en février et coûteront près de deux millions d’euros, a précisé l’adjoint.\n\n"
              "« C’est un équipement très attendu », a déclaré une habitante à la sortie de la séance.\n",
    "german": "Die Stadtverwaltung hat am Dienstag den Bau einer neuen Brücke über den Fluss genehmigt.\n\n"
              "Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern, teilte der Bürgermeister mit.\n\n"
              "Anwohner äußerten sich erleichtert über die Entscheidung.\n",
    "english": "The council said the “new” footbridge would open in spring — weeks ahead of schedule.\n\n"
               "It cost £4m, less than the budget set two years ago, officials said.\n",
    "italian": "Il comune ha annunciato lunedì che la biblioteca resterà chiusa per lavori fino a settembre.\n\n"
               "È una decisione che ha sorpreso molti cittadini, però necessaria secondo l’assessore.\n",
}


def blocks(text: str) -> list[str]:
    """The headline and the paragraphs of a text."""
    return text.rstrip("\n").split("\n\n")


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("encoding", sorted(NEWS))
def test_legacy_text_comes_out_as_the_text_it_holds(encoding, tmp_path):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(NEWS[encoding].encode(encoding))
    result = invoke(str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, NEWS[encoding], "")


@pytest.mark.parametrize("encoding", sorted(NEWS))
def test_json_names_the_encoding_used(encoding, tmp_path):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(NEWS[encoding].encode(encoding))
    result = invoke(str(path), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    doc = json.loads(result.stdout)
    assert doc["encoding"] == REPORTED[encoding]
    assert [doc["title"]] * bool(doc["title"]) + doc["paragraphs"] == blocks(NEWS[encoding])


@pytest.mark.parametrize("encoding", sorted(NEWS))
def test_the_library_reads_legacy_bytes_the_same_way(encoding):
    result = clean_bytes(NEWS[encoding].encode(encoding))
    assert result.meta["encoding"] == REPORTED[encoding]
    assert [result.title] * bool(result.title) + list(result.paragraphs) == blocks(NEWS[encoding])


def test_gbk_keeps_its_first_paragraph():
    # Read as cp1252, GBK's lead byte 0xA9 became "©", and media's credit rule
    # took every line that held one for a photo credit.
    result = clean_bytes(NEWS["gbk"].encode("gbk"))
    assert result.removed == ()
    assert blocks(NEWS["gbk"])[1] in result.paragraphs


@pytest.mark.parametrize("language", sorted(WESTERN))
def test_western_text_stays_cp1252(language, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(WESTERN[language].encode("cp1252"))
    result = invoke(str(path), "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["encoding"] == "cp1252"
    assert doc["text"] + "\n" == WESTERN[language]


def test_utf8_is_reported_as_utf8():
    doc = json.loads(invoke("--format", "json", input=NEWS["cp1251"].encode()).stdout)
    assert doc["encoding"] == "utf-8"


def test_a_byte_order_mark_names_its_encoding():
    data = codecs.BOM_UTF16_LE + NEWS["cp1253"].encode("utf-16-le")
    doc = json.loads(invoke("--format", "json", input=data).stdout)
    assert (doc["encoding"], doc["title"]) == ("utf-16-le", blocks(NEWS["cp1253"])[0])


# One Czech sentence, read in cp1250 as it was written; in cp1252 it would be
# "Mìstská rada".
CZECH = "Městská rada ve čtvrtek schválila opravu mostu přes řeku, uvedl náměstek.\n"


def test_encoding_forces_how_the_input_is_read(tmp_path):
    path = tmp_path / "cz.txt"
    path.write_bytes(CZECH.encode("cp1250"))
    doc = json.loads(invoke(str(path), "--format", "json").stdout)
    assert (doc["encoding"], doc["text"] + "\n") == ("cp1250", CZECH)
    result = invoke(str(path), "--encoding", "cp1252", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    doc = json.loads(result.stdout)
    assert (doc["encoding"], doc["text"] + "\n") == ("cp1252", CZECH.encode("cp1250").decode("cp1252"))


# ---------------------------------------------------------------- short Latin-script text

# Central European news in one to three sentences. Each has a letter that cp1252
# reads otherwise: "ł" as "³", "č" as "è", Hungarian "ő" as Portuguese "õ".
CENTRAL_EUROPEAN = {
    "polish": (
        "Rada gminy przyjęła w piątek budżet na przyszły rok. Najwięcej pieniędzy trafi na remont szkół i dróg lokalnych.",
        "Policja zatrzymała dwóch mężczyzn podejrzanych o kradzież samochodów. Śledztwo prowadzi prokuratura rejonowa.",
        "Żółte ostrzeżenia przed burzami obowiązują dziś w większości województw.",
        "Minister zdrowia otworzył nowy szpital w Łodzi.",
    ),
    "czech": (
        "Vláda ve středu schválila návrh zákona o podpoře obnovitelných zdrojů energie. Poslanci o něm budou jednat v září.",
        "Hasiči zasahovali u požáru skladu na okraji Brna. Nikdo nebyl zraněn, škoda se odhaduje na několik milionů korun.",
        "Nová cyklostezka podél řeky bude dokončena do konce měsíce, oznámil starosta.",
        "Čtvrteční koncert se kvůli počasí přesouvá na příští týden.",
    ),
    "hungarian": (
        "A városi tanács csütörtökön elfogadta az új közlekedési tervet. A munkálatok jövő tavasszal kezdődnek.",
        "Hétfőn újra megnyílt a felújított könyvtár a belvárosban.",
        "A rendőrség szerint a baleset hajnalban történt, két autó ütközött a főúton. Senki sem sérült meg súlyosan.",
        # Every accented letter of this one is Portuguese too, once "ő" reads "õ".
        "Erős szél várható a hét végén az ország nyugati részén, figyelmeztetett a meteorológiai szolgálat.",
    ),
    "slovak": ("Ľudia si v nedeľu pripomenuli výročie založenia obce, ktorá oslávila sedemsto rokov.",),
    "croatian": ("Gradsko vijeće u četvrtak je odobrilo izgradnju novog dječjeg vrtića u središtu grada.",),
    "slovenian": ("Vlada je v četrtek sprejela predlog zakona o širitvi železniškega omrežja.",),
    # Written with the cedilla letters cp1250 has ("ş", "ţ").
    "romanian": ("Primăria a anunţat că lucrările la podul din centrul oraşului vor începe în martie.",),
}

# Western news in one to three sentences, with letters that read as Central
# European ones in cp1250: "è" as "č", "ø" as "ř", "å" as "ĺ", "õ" as "ő"; and
# letters where their languages put them ("très", "città", "lições", "være").
SHORT_WESTERN = {
    "french": (
        "Le maire a annoncé jeudi la fermeture du pont pendant trois mois. « C’est une décision difficile », a-t-il dit.",
        "Après une très longue séance, le conseil a voté à l’unanimité ; les travaux du cœur de ville commenceront cet été.",
    ),
    "german": ("Der Gemeinderat hat am Mittwoch beschlossen, die Gebühren für die Müllabfuhr zu erhöhen. Bürger äußerten Kritik.",),
    "spanish": (
        "¿Quién pagará la reparación del puente? El ayuntamiento aún no lo sabe, según informó el alcalde el martes.",
        "La compañía ferroviaria anunció que los trenes volverán a circular mañana.",
    ),
    "portuguese": (
        "A câmara municipal aprovou na terça-feira a construção de uma nova escola.",
        "As obras começarão em março, e as lições serão dadas em salas provisórias, disse a irmã do diretor.",
    ),
    "danish": (
        "Byrådet vedtog i går en plan for flere boliger nær havnen. Arbejdet går i gang til foråret og skal være færdigt om to år.",
        "Søndagens storm væltede træer og lukkede flere veje på øerne.",
    ),
    "italian": ("La città ha inaugurato lunedì il nuovo museo, più grande del precedente. Però il parcheggio è ancora chiuso.",),
    "dutch": ("Volgens de wethouder blijft het café op de hoek open tijdens de renovatie van de ruïne.",),
    "swedish": ("Regeringen meddelade på tisdagen att skatten på bensin sänks från årsskiftet.",),
    "norwegian": ("Kommunen åpner en ny skole i høst, og elevene får bærbare datamaskiner.",),
    "catalan": ("L’ajuntament ha aprovat la reforma de la plaça, que començarà a l’octubre al costat del col·legi.",),
    "icelandic": ("Ríkisstjórnin kynnti í gær nýja áætlun um húsnæði fyrir þá sem búa á landsbyggðinni.",),
}


def items(texts: dict[str, tuple[str, ...]], encoding: str | None = None) -> list:
    """The texts as test parameters named "language-1", "language-2" ..., those
    `encoding` can write when one is given."""
    return [pytest.param(text, id=f"{language}-{i}")
            for language, group in texts.items() for i, text in enumerate(group, 1)
            if encoding is None or text == text.encode(encoding, "ignore").decode(encoding)]


@pytest.mark.parametrize("text", items(CENTRAL_EUROPEAN))
def test_short_central_european_text_is_read_in_cp1250(text):
    assert decode_text(text.encode("cp1250")) == (text, "cp1250")


@pytest.mark.parametrize("text", items(CENTRAL_EUROPEAN))
def test_short_central_european_text_is_read_in_iso_8859_2(text):
    # Text whose letters have the same bytes in both pages reads alike in either.
    decoded, encoding = decode_text(text.encode("iso8859_2"))
    assert (decoded, encoding in ("iso8859-2", "cp1250")) == (text, True)


@pytest.mark.parametrize("text", items(SHORT_WESTERN))
def test_short_western_text_stays_cp1252(text):
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize("text", items(SHORT_WESTERN, "latin-1"))
def test_short_latin_1_text_is_read_in_cp1252_its_superset(text):
    assert decode_text(text.encode("latin-1")) == (text, "cp1252")


def test_a_short_polish_item_comes_out_whole(tmp_path):
    text = CENTRAL_EUROPEAN["polish"][0] + "\n"
    path = tmp_path / "pl.txt"
    path.write_bytes(text.encode("cp1250"))
    result = invoke(str(path), "--format", "json")
    doc = json.loads(result.stdout)
    assert (result.exit_code, doc["encoding"], doc["text"] + "\n") == (0, "cp1250", text)


def test_encoding_takes_any_name_python_knows_and_reports_its_own():
    result = invoke("--encoding", "KOI8_R", "--format", "json", input=NEWS["koi8_r"].encode("koi8_r"))
    assert json.loads(result.stdout)["encoding"] == "koi8-r"


def test_encoding_reads_utf16_without_a_byte_order_mark():
    result = invoke("--encoding", "utf-16-le", input=NEWS["big5"].encode("utf-16-le"))
    assert (result.exit_code, result.stdout, result.stderr) == (0, NEWS["big5"], "")


@pytest.mark.parametrize("name", ["no-such-codec", "rot13", "base64"])
def test_an_unknown_encoding_is_a_usage_error(name, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(NEWS["cp1251"].encode("cp1251"))
    result = invoke(str(path), "--encoding", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Invalid value for '--encoding': unknown encoding '{name}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_encoding_does_not_apply_to_json_lines():
    result = invoke("--jsonl-field", "text", "--encoding", "cp1251", input=b'{"text": "x"}\n')
    assert result.exit_code == 2 and result.stdout == ""
    assert "JSON Lines are read as UTF-8" in result.stderr


def test_the_library_takes_an_encoding():
    data = CZECH.encode("cp1250")
    assert clean_bytes(data, encoding="cp1250").paragraphs == (CZECH.strip(),)
    with pytest.raises(UnknownEncoding, match="unknown encoding 'nosuch'"):
        clean_bytes(data, encoding="nosuch")


# ---------------------------------------------------------------- HTML


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_html_without_a_declared_charset_is_detected():
    paragraphs = blocks(NEWS["cp1251"])[1:]
    data = page("".join(f"<p>{p}</p>" for p in paragraphs)).encode("cp1251")
    result = clean_bytes(data, name="story.html")
    assert (result.meta["encoding"], list(result.paragraphs)) == ("cp1251", paragraphs)


def test_html_keeps_its_declared_charset():
    paragraphs = blocks(NEWS["cp1253"])[1:]
    data = page("".join(f"<p>{p}</p>" for p in paragraphs), '<meta charset="windows-1253">').encode("cp1253")
    result = clean_bytes(data, name="story.html")
    assert (result.meta["encoding"], list(result.paragraphs)) == ("cp1253", paragraphs)


def test_encoding_overrides_a_wrong_declared_charset(tmp_path):
    paragraphs = blocks(NEWS["koi8_r"])[1:]
    path = tmp_path / "story.html"
    path.write_bytes(page("".join(f"<p>{p}</p>" for p in paragraphs), '<meta charset="iso-8859-1">').encode("koi8_r"))
    result = invoke(str(path), "--encoding", "koi8-r", "--format", "json")
    doc = json.loads(result.stdout)
    assert (result.exit_code, doc["encoding"], doc["paragraphs"]) == (0, "koi8-r", paragraphs)


# ---------------------------------------------------------------- folders, templates, start-up


def test_repeated_across_reads_the_encoding_too(tmp_path):
    src = tmp_path / "site"
    src.mkdir()
    for i, name in enumerate(["cp1251", "koi8_r"]):
        (src / f"{i}.txt").write_bytes(NEWS[name].encode("cp1251"))
    result = invoke(str(src), "--repeated-across", "3", "--encoding", "cp1251", "--format", "jsonl", "-q")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["encoding"] for d in docs] == ["cp1251", "cp1251"]
    assert [d["title"] for d in docs] == [blocks(NEWS["cp1251"])[0], blocks(NEWS["koi8_r"])[0]]


def test_start_up_does_not_load_the_detector():
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newsclean.command"],
                          capture_output=True, text=True)
    assert done.returncode == 0
    assert "charset_normalizer" not in done.stderr


def test_utf8_through_the_plain_pipe_does_not_load_the_detector():
    code = ("import sys; sys.argv = ['newsclean']\n"
            "from newsclean.command import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write('loaded' if 'charset_normalizer' in sys.modules else 'not loaded')\n")
    done = subprocess.run([sys.executable, "-c", code], input=NEWS["gbk"].encode(), capture_output=True)
    assert done.stdout.decode() == NEWS["gbk"]
    assert done.stderr == b"not loaded"
