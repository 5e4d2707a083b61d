"""Parse CoNLL-U exports with conllu (10 columns), rebuild the text with spaCy's converter.

Usage: python check_conllu.py FOLDER EXPECTED_JSON
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import conllu


def main() -> int:
    folder, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    files = sorted(glob.glob(folder + "/*.conllu"))
    if not files:
        failures.append("no .conllu files")
    for path in files:
        raw = open(path, encoding="utf-8").read()
        for number, line in enumerate(raw.split("\n"), 1):
            if line and not line.startswith("#") and len(line.split("\t")) != 10:
                failures.append(f"{path}:{number}: {len(line.split(chr(9)))} columns")
        sentences = conllu.parse(raw)
        if len(sentences) != expected["sentences"]:
            failures.append(f"{path}: {len(sentences)} sentences, expected {expected['sentences']}")
        texts = [s.metadata["text"] for s in sentences]
        sent_ids = [s.metadata.get("sent_id") for s in sentences]
        if len(set(sent_ids)) != len(sent_ids):
            failures.append(f"{path}: sent_ids not unique: {sent_ids}")
        if "sent_ids" in expected and sent_ids != expected["sent_ids"]:
            failures.append(f"{path}: sent_ids {sent_ids} != {expected['sent_ids']}")
        for sentence in sentences:
            rebuilt = "".join(t["form"] + ("" if (t["misc"] or {}).get("SpaceAfter") == "No" else " ") for t in sentence)
            if rebuilt.rstrip(" ") != sentence.metadata["text"]:
                failures.append(f"{path}: rebuilt {rebuilt!r} != {sentence.metadata['text']!r}")
        with tempfile.TemporaryDirectory() as out:
            result = subprocess.run(
                [sys.executable, "-m", "spacy", "convert", path, out, "-c", "conllu", "-n", "1"],
                capture_output=True, text=True)
            if result.returncode != 0:
                failures.append(f"{path}: spacy convert failed: {result.stderr[-500:]}")
                continue
            import spacy
            from spacy.tokens import DocBin
            nlp = spacy.blank("de")
            spacy_file = os.path.join(out, os.path.basename(path).rsplit(".", 1)[0] + ".spacy")
            docs = list(DocBin().from_disk(spacy_file).get_docs(nlp.vocab))
            if len(docs) != len(texts):
                failures.append(f"{path}: spaCy made {len(docs)} docs for {len(texts)} sentences")
            for doc, text in zip(docs, texts):
                if doc.text not in (text, text + " "):
                    failures.append(f"{path}: spaCy text {doc.text!r} != {text!r}")
        plus = path[:-len(".conllu")] + ".conllup"
        plus_raw = open(plus, encoding="utf-8").read()
        plus_sentences = conllu.parse(plus_raw)
        for sentence in plus_sentences:
            if len(sentence) and "workbench:spans" not in sentence[0]:
                failures.append(f"{plus}: no span column: {list(sentence[0].keys())}")
                break
    for failure in failures:
        print(failure)
    if not failures:
        print(f"conllu ok: {len(files)} files")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
