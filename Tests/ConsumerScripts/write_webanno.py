"""Write a WebAnno TSV file of the Attribution layer with web-anno-tsv's Writer (another writer of
the format than Workbench's), for the import test.

Usage: python write_webanno.py OUT.tsv
"""
import sys

from web_anno_tsv import open_web_anno_tsv
from web_anno_tsv.web_anno_tsv import AnnotatedSentence, Annotation, Span


def sentence(text, tokens, spans):
    token_spans, position = [], 0
    for token in tokens:
        start = text.index(token, position)
        token_spans.append(Span(text=token, start=start, stop=start + len(token), is_token=True))
        position = start + len(token)
    annotations = []
    for label, words in spans:
        start = text.index(words)
        annotations.append(Annotation(label=label, text=words, start=start, stop=start + len(words)))
    return AnnotatedSentence(text=text, tokens=token_spans, annotations=annotations)


def main() -> int:
    with open_web_anno_tsv(sys.argv[1], "w") as writer:
        writer.write_header("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Attribution|annotation|role")
        writer.write(sentence("Zoë 👍🏽 sagte: Ja.", ["Zoë", "👍🏽", "sagte", ":", "Ja", "."],
                              [("speaker", "Zoë 👍🏽"), ("cue", "sagte"), ("claim", "Ja.")]))
        writer.write(sentence("n̈ Er schrieb es.", ["n̈", "Er", "schrieb", "es", "."],
                              [("speaker", "Er"), ("cue", "schrieb"), ("claim", "es")]))
    print("written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
