"""Bad, hostile and huge input; XML safety; escaping; crash safety; determinism.

The bad-input corpus is the table CORPUS below: each input with what must happen to it:
converted (with the facts it holds), or refused with a one-line error naming the file
(and the line where there is one), with the right exit code and never a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from converter import xmlsafe
from converter.cli import main
from converter.entities import load_registry
from converter.pipeline import Settings, convert_path
from converter.reader import MAX_LINE_CHARS

from conftest import EXAMPLES, STEMS

ROOT = Path(__file__).resolve().parent.parent
BASE = (
    "IIJ Announces Financial Results\n\n"
    "TOKYO, November 8, 2013 - Internet Initiative Japan Inc. today announced its results.\n\n"
    "Consolidated Statements of Income\n\n"
    "\tSix Months Ended September 30, 2012\tSix Months Ended September 30, 2013\n"
    "\tThousands of JPY\tThousands of JPY\n"
    "Total revenues\t51,109,001\t54,396,959\n"
)
REVENUES = {("Revenues", "2012-04-01/2012-09-30", "51109001000"), ("Revenues", "2013-04-01/2013-09-30", "54396959000")}


def _with_rows(*rows: str) -> str:
    return BASE + "".join(row + "\n" for row in rows)


CORPUS: dict[str, tuple[bytes, str]] = {
    # name: (content, expected: "error: <message start>" or "ok")
    "empty.txt": (b"", "error: file is empty"),
    "whitespace.txt": (b"  \n\t\n   \n", "error: file has no text"),
    "binary.txt": (bytes(range(256)) * 64, "error: binary file"),
    "utf16.txt": (BASE.encode("utf-16"), "ok"),
    "latin1.txt": (BASE.replace("announced", "annonc\xe9").encode("latin-1"), "ok"),
    "crlf.txt": (BASE.replace("\n", "\r\n").encode(), "ok"),
    "unbalanced.txt": (_with_rows("Cost of revenues\t(1,234\t1,234)").encode(), "ok"),
    "grouping.txt": (_with_rows("Cost of revenues\t1,2,3\t12,34").encode(), "ok"),
    "impossible-date.txt": (BASE.replace("September 30, 2013", "February 30, 2017").encode(), "ok"),
    "hostile.txt": (_with_rows('<script>alert("x")</script> & ]]> "quoted" \x01\x07\x1b label\t1,000\t2,000').encode(),
                    "ok"),
    "two-companies.txt": (BASE.replace("today announced", "and Sakura Networks K.K. (TSE: 9999) today announced").encode(),
                          "ok"),
    "no-date.txt": (BASE.replace("TOKYO, November 8, 2013 - ", "").encode(), "ok"),
    "prose-only.txt": (b"Minutes of the garden club.\n\nWe planted 12 roses on May 3, 2020.\n",
                       "error: no issuer named"),
}


@pytest.fixture(scope="module")
def registry_settings() -> Settings:
    return Settings(registry=load_registry(Path(__file__).parent / "fixtures" / "entities.toml"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for name, (content, _) in CORPUS.items():
        (folder / name).write_bytes(content)
    wide = "\t".join(f"Column {i}" for i in range(200))
    (folder / "wide.txt").write_text(BASE + "\nOperating data\n\n\t" + wide + "\nTotal\t" + "\t".join(
        f"{i},000" for i in range(200)) + "\n")
    (folder / "long-line.txt").write_text(BASE + "\n" + "word " * (MAX_LINE_CHARS // 5 + 50_000) + "\n")
    return folder


def _facts(filing) -> set[tuple]:
    return {(f.concept, f.period.key, format(f.value, "f")) for f in filing.facts if f.concept == "Revenues"}


@pytest.mark.parametrize("name", CORPUS)
def test_bad_input_corpus_on_the_command_line(corpus, name, tmp_path):
    expected = CORPUS[name][1]
    result = CliRunner().invoke(main, ["convert", str(corpus / name), "-o", str(tmp_path), "--no-store",
                                       "--entities", str(Path(__file__).parent / "fixtures" / "entities.toml")])
    assert "Traceback" not in result.output
    if expected == "ok":
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"ok     {name}: ")
        for suffix in (".xhtml", ".xbrl", ".json", ".ttl"):
            assert (tmp_path / f"{Path(name).stem}{suffix}").is_file()
    else:
        assert result.exit_code == 1
        errors = [line for line in result.output.splitlines() if line.startswith("error:")]
        assert errors == [line for line in errors if line.startswith(f"error: {corpus / name}: {expected[7:]}")]
        assert len(errors) == 1
        assert not list(tmp_path.glob(f"{Path(name).stem}.*"))


@pytest.mark.parametrize("name", ["utf16.txt", "latin1.txt", "crlf.txt", "no-date.txt", "two-companies.txt"])
def test_encodings_and_line_ends_do_not_change_the_facts(corpus, registry_settings, name):
    filing = convert_path(corpus / name, registry_settings)
    assert _facts(filing) == REVENUES
    assert [f.span.line for f in filing.facts if f.concept == "Revenues"] == [9, 9]


def test_a_filing_naming_two_companies_is_reported(corpus, registry_settings):
    filing = convert_path(corpus / "two-companies.txt", registry_settings)
    assert filing.entity.key == "iij"
    assert any("also names Sakura Networks" in m.text for m in filing.warnings)


def test_a_filing_without_a_date_is_reported(corpus, registry_settings):
    filing = convert_path(corpus / "no-date.txt", registry_settings)
    assert any("no release date" in m.text for m in filing.warnings)


def test_malformed_numbers_are_skipped_with_a_reason(corpus, registry_settings):
    for name in ("unbalanced.txt", "grouping.txt"):
        filing = convert_path(corpus / name, registry_settings)
        assert _facts(filing) == REVENUES
        assert not [f for f in filing.facts if f.span.line == 10]
        reasons = {s.text: s.reason for s in filing.skipped if s.span.line == 10}
        assert len(reasons) == 2 and all("well-formed" in r for r in reasons.values()), reasons


def test_an_impossible_date_names_no_period(corpus, registry_settings):
    filing = convert_path(corpus / "impossible-date.txt", registry_settings)
    assert {(f.period.key, format(f.value, "f")) for f in filing.facts} == {("2012-04-01/2012-09-30", "51109001000")}
    assert any(s.text == "54,396,959" and "no period" in s.reason for s in filing.skipped)


def test_a_table_of_200_columns(corpus, registry_settings):
    filing = convert_path(corpus / "wide.txt", registry_settings)
    assert _facts(filing) == REVENUES
    wide = [s for s in filing.skipped if s.span.line == 14]
    assert len(wide) == 200 and all("no period" in s.reason for s in wide)


def test_a_line_too_long_is_reported_and_the_rest_read(corpus, registry_settings):
    filing = convert_path(corpus / "long-line.txt", registry_settings)
    assert _facts(filing) == REVENUES
    assert [m.line for m in filing.warnings if "longer than" in m.text] == [11]


def test_a_file_too_large_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    line = (BASE.splitlines()[-1] + "\n").encode()
    big.write_bytes(BASE.encode() + line * (50_000_000 // len(line)))
    result = CliRunner().invoke(main, ["convert", str(big), "-o", str(tmp_path / "out"), "--no-store"])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {big}: file is too large (50.0 MB")


# ------------------------------------------------------------------ escaping


def test_text_from_a_filing_cannot_inject_markup(corpus, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(corpus / "hostile.txt"), "-o", str(tmp_path), "--no-store"])
    assert result.exit_code == 0, result.output
    xhtml = xmlsafe.parse(tmp_path / "hostile.xhtml")
    assert not xhtml.getroot().findall(".//{http://www.w3.org/1999/xhtml}script")
    text = "".join(xhtml.getroot().itertext())
    assert '<script>alert("x")</script> & ]]> "quoted"' in text  # shown as text, not markup
    xmlsafe.parse(tmp_path / "hostile.xbrl")
    rdflib.Graph().parse(tmp_path / "hostile.ttl")
    json.loads((tmp_path / "hostile.json").read_text())


def test_a_file_name_cannot_inject_anything(tmp_path):
    name = 'odd "name" <&> ]]>.txt'
    (tmp_path / name).write_text(BASE)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(tmp_path / name), "-o", str(out), "--no-store"])
    assert result.exit_code == 0, result.output
    stem = name[:-4]
    root = xmlsafe.parse(out / f"{stem}.xhtml").getroot()
    assert name in "".join(root.itertext())
    graph = rdflib.Graph().parse(out / f"{stem}.ttl")
    files = {str(o) for o in graph.objects(None, rdflib.URIRef("https://w3id.org/ledgerlink/vocab#sourceFile"))}
    assert files == {name}
    assert json.loads((out / f"{stem}.json").read_text())["facts"]


# ------------------------------------------------------------------ XML safety

XXE = b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' \
      b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&x;</p></body></html>'
LAUGHS = b'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' \
         b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' \
         b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>' \
         b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</p></body></html>'


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_with_entities_is_refused(payload, tmp_path):
    with pytest.raises(xmlsafe.UnsafeXML):
        xmlsafe.parse(payload)
    page = tmp_path / "evil.xhtml"
    page.write_bytes(payload)
    start = time.monotonic()
    result = CliRunner().invoke(main, ["view", str(page)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {page}: documents with a DTD or entity declarations are not accepted")
    assert "root:" not in result.output and time.monotonic() - start < 5


def test_every_output_parses_with_the_safe_parser(outdir):
    for stem in STEMS:
        for suffix in (".xhtml", ".xbrl", ".xsd", "_cal.xml"):
            xmlsafe.parse(outdir / f"{stem}{suffix}")
    for path in (outdir / "taxonomy").rglob("*.x*"):
        xmlsafe.parse(path)


# ------------------------------------------------------------------ determinism


def test_converting_twice_gives_byte_identical_outputs(outdir, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(EXAMPLES), "-o", str(tmp_path), "--no-store", "-q"])
    assert result.exit_code == 0, result.output
    for stem in STEMS:
        for suffix in (".xhtml", ".xbrl", ".json", ".ttl", ".xsd", "_cal.xml"):
            assert (tmp_path / f"{stem}{suffix}").read_bytes() == (outdir / f"{stem}{suffix}").read_bytes(), stem + suffix
    for path in (outdir / "taxonomy").rglob("*"):
        if path.is_file():
            assert (tmp_path / path.relative_to(outdir)).read_bytes() == path.read_bytes()


# ------------------------------------------------------------------ crash safety


def test_a_killed_batch_leaves_no_truncated_output_and_a_working_store(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    corpus = tmp_path / "corpus"
    generate(corpus, 120, seed=5)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "converter.cli", "convert", str(corpus), "-o", str(out), "-q",
                             "--entities", str(corpus / "entities.toml")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.ttl"))) < 30 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*.xhtml"))
    assert written, "the batch was killed before it wrote anything"
    for path in written:
        xmlsafe.parse(path)
    for path in out.glob("*.json"):
        json.loads(path.read_text())
    for path in out.glob("*.ttl"):
        rdflib.Graph().parse(path)
    # the store opens and answers; converting again completes it
    result = CliRunner().invoke(main, ["query", "filings", "--store", str(out / "store"), "--format", "json"])
    assert result.exit_code == 0, result.output
    json.loads(result.output)
    result = CliRunner().invoke(main, ["convert", str(corpus), "-o", str(out), "-q", "--entities",
                                       str(corpus / "entities.toml"), "-j", "2"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["query", "filings", "--store", str(out / "store"), "--format", "json"])
    assert len(json.loads(result.output)) == 120
