import Foundation
import Testing
@testable import Annotations

/// Control characters from corpus text in every export format (README, "Export formats": what
/// happens to control characters): the files people `cat` (csv, conllu, iob, webanno, html,
/// labeling-config.xml) never hold one a terminal acts on; the JSON formats escape them and give
/// the exact text back; brat keeps them, as its consumers need (the `.ann` text column is the
/// `.txt` span, the `.txt` the corpus itself).
@Suite("Control characters in exports")
struct ExportControlCharacterTests {
    /// ESC starting a colour sequence, BEL, the 8-bit CSI U+009B, DEL: all inside words, so inside tokens.
    static let text = "Anna sagte, es regne\u{1B}[31m heute\u{7} und\u{9B}2J a\u{7F}b.\n"
    static let claimText = "es regne\u{1B}[31m heute\u{7} und\u{9B}2J a\u{7F}b"

    /// A note, a speaker name, an alias and a target with ESC, BEL, DEL and the 8-bit CSI.
    static let note = "Notiz\u{1B}[2J\u{7} a\u{7F}b\u{9B}31m"

    /// The bundle; with `notes`, the claim has ``note`` as a note and the speaker's name, alias and
    /// the target hold it too.
    static func bundle(notes: Bool = false) throws -> (ExportBundle, SegmentedCorpus) {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d\u{1B}]0;x\u{7}", rawText: text)], paths: ["controls.jsonl"]))
        let id = corpus.documents[0].document.id
        let scalars = Array(corpus.documents[0].document.text.unicodeScalars)
        let claimStart = 12
        #expect(String(String.UnicodeScalarView(scalars[claimStart..<(claimStart + claimText.unicodeScalars.count)])) == claimText)
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        func run(_ action: EditAction) throws { try session.perform(action, time: "2026-11-21T10:00:01.000Z") }
        try run(.add(.speaker(Speaker(id: "S1", name: "Anna"))))
        try run(.add(.mention(Mention(id: "M1", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 0, end: 4)]), speaker: "S1"))))
        try run(.add(.cue(Cue(id: "Q1", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 5, end: 10)])))))
        let claim = try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: claimStart, end: claimStart + claimText.unicodeScalars.count)])
        try run(.add(.claim(Claim(id: "C1", anchor: claim, speaker: "S1", mention: "M1", cue: "Q1", form: "indirect"))))
        try run(.add(.target(Target(id: "T1", text: "Ziel\u{1B}[2J"))))
        try run(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C1"]))))
        if notes {
            try run(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: note))))
            try run(.add(.note(Note(id: "N2", subject: .annotation("S1"), text: note))))
            try run(.add(.speaker(Speaker(id: "S2", name: "Bob" + note, aliases: ["B" + note]))))
            try run(.add(.claim(Claim(id: "C2", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 0, end: 4)]), speaker: "S2"))))
            try run(.add(.target(Target(id: "T2", text: note))))
            try run(.add(.note(Note(id: "N3", subject: .sentence(SentenceKey(document: id, sentence: 0)), text: "Satz"))))
        }
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        return (bundle, corpus)
    }

    /// The scalars of `text` a terminal acts on: C0 but tab, LF and CR, DEL, C1.
    static func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0)) || (0x7F...0x9F).contains($0) }
    }

    static func files(_ format: ExportFormat, _ bundle: ExportBundle) -> [ExportFile] {
        var out = ExportOutput()
        format.exporter.write(bundle, to: &out)
        return out.files
    }

    @Test("csv, conllu, iob, webanno, html and the Label Studio config hold no control a terminal acts on; the token formats show them one for one")
    func shownInTheFilesPeopleRead() throws {
        let (bundle, _) = try Self.bundle()
        for format in [ExportFormat.csv, .conllu, .iob, .webanno, .html, .labelstudio, .jsonl, .w3c, .spkatt] {
            let files = Self.files(format, bundle)
            #expect(!files.isEmpty, "\(format)")
            for file in files {
                let left = Self.controls(file.contents)
                #expect(left.isEmpty, "\(format) \(file.path): \(left)")
            }
        }
        // The token formats: ESC, BEL and DEL as their Control Pictures, the C1 control as U+FFFD
        // (the tokenizer makes each control a token of its own).
        for format in [ExportFormat.conllu, .iob, .webanno] {
            for file in Self.files(format, bundle) {
                for shown in ["\u{241B}", "\u{2407}", "\u{FFFD}", "\u{2421}"] {
                    #expect(file.contents.contains(shown), "\(format) \(file.path) lacks \(shown)")
                }
            }
        }
        let webanno = try #require(Self.files(.webanno, bundle).first).contents
        #expect(webanno.contains("#Text=Anna sagte, es regne\u{241B}[31m heute\u{2407} und\u{FFFD}2J a\u{2421}b."))
        let conllu = try #require(Self.files(.conllu, bundle).first { $0.path.hasSuffix(".conllu") }).contents
        #expect(conllu.contains("# text = Anna sagte, es regne\u{241B}[31m heute\u{2407} und\u{FFFD}2J a\u{2421}b."))
        // A document id is escaped, not shown: two ids never share a sent_id.
        #expect(conllu.contains("# sent_id = d\\u001B]0;x\\u0007#0"), "\(conllu)")
        let csv = try #require(Self.files(.csv, bundle).first).contents
        #expect(csv.contains("regne\u{241B}[31m heute\u{2407} und<U+009B>2J a\u{2421}b"))
        let config = try #require(Self.files(.labelstudio, bundle).first { $0.path == "labeling-config.xml" }).contents
        #expect(config.contains("Ziel\u{241B}[2J"))
    }

    @Test("WebAnno: offsets stay exact (one UTF-16 unit for one) and import webanno reads the file back on the corpus")
    func webAnnoRoundTrip() throws {
        let (bundle, corpus) = try Self.bundle()
        let out = TestCorpus.temporaryFolder()
        try ExportWriter(folder: out).write(WebAnnoExporter(), bundle)
        let tsvs = ExportWriterTests.listing(out + "/anna").map { out + "/anna/" + $0 }
        let session = try WebAnnoImporter().load(paths: tsvs, corpus: corpus, annotator: nil, time: "t")
        #expect(session.state.claims.values.map(\.anchor.text) == [Self.claimText])
        #expect(Set(session.state.mentions.values.map(\.anchor.text)) == ["Anna"])
    }

    @Test("spkatt escapes ESC, BEL, DEL and U+009B (no raw byte a terminal acts on) and import spkatt reads the exact tokens back")
    func spkattEscapesAndReadsBack() throws {
        let (bundle, corpus) = try Self.bundle()
        let out = TestCorpus.temporaryFolder()
        try ExportWriter(folder: out).write(SpkAttExporter(), bundle)
        let names = ExportWriterTests.listing(out + "/anna")
        #expect(names.count == 1)
        let bytes = try #require(FileManager.default.contents(atPath: out + "/anna/" + names[0])).map { $0 }
        #expect(!bytes.contains(0x7F) && !bytes.contains(0x1B) && !bytes.contains(0x07))
        #expect(!zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.contains(#"\u001b"#) && json.contains(#"\u0007"#) && json.contains(#"\u007f"#) && json.contains(#"\u009b"#))
        let (imported, session) = try SpkAttImporter().load(
            paths: [out + "/anna"], corpusPath: out + "/corpus.jsonl", annotator: "anna", time: "2026-11-21T10:00:02.000Z")
        // The tokens are the workbench's own of the exported text, scalar for scalar.
        let written = SpkAttExporter().document(bundle, document: 0, session: 0)
        let read = try #require(imported.documents.first)
        #expect(read.sentences.map { $0.tokens.map(\.text) } == written.sentences.map(\.tokens))
        #expect(read.document.title == corpus.documents[0].document.id)
        let tokens = read.sentences.flatMap { $0.tokens.map(\.text) }.joined()
        for control in ["\u{1B}", "\u{7}", "\u{7F}", "\u{9B}"] { #expect(tokens.contains(control), "\(control.unicodeScalars.first!.value)") }
        #expect(session.state.claims.values.map(\.anchor.text).first?.filter { !$0.isWhitespace } == Self.claimText.filter { !$0.isWhitespace })
    }

    @Test("brat: `#` notes, `N` names, the side tables and notes.tsv's document ids show controls; the `T` text is the .txt span; import brat gives the exact texts back")
    func bratNotesAndNamesShown() throws {
        let (bundle, corpus) = try Self.bundle(notes: true)
        let files = Self.files(.brat, bundle)
        let ann = try #require(files.first { $0.path.hasSuffix(".ann") }).contents
        let shown = "Notiz\u{241B}[2J\u{2407} a\u{2421}b\u{FFFD}31m"
        for line in ann.split(separator: "\n") where !line.hasPrefix("T") {
            #expect(Self.controls(String(line)).isEmpty, "\(line)")
        }
        #expect(ann.contains("\tAnnotatorNotes T") && ann.contains("\t\(shown)\n"), "\(ann)")
        #expect(ann.contains("\tBob\(shown)\n"), "\(ann)")
        #expect(ann.contains("\t\(Self.claimText)\n"))
        for name in ["notes.tsv", "speakers.tsv", "targets.tsv"] {
            let table = try #require(files.first { $0.path.hasSuffix(name) }).contents
            // The document id in notes.tsv (it holds ESC and BEL) is shown too; import reads it back as the id.
            #expect(Self.controls(table).isEmpty, "\(name): \(table)")
            #expect(table.contains(shown), "\(name): \(table)")
        }
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder).write(BratExporter(), bundle)
        let session = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: "t")
        let notes = session.state.notes.values.sorted { $0.id < $1.id }
        #expect(notes.map(\.text) == [Self.note, Self.note, "Satz"] && notes.map(\.id) == ["N1", "N2", "N3"], "\(notes)")
        #expect(notes.last?.subject == .sentence(SentenceKey(document: corpus.documents[0].document.id, sentence: 0)))
        #expect(session.state.speakers["S2"]?.name == "Bob" + Self.note && session.state.speakers["S2"]?.aliases == ["B" + Self.note])
        #expect(session.state.targets["T2"]?.text == Self.note)
        #expect(session.state.claims.values.map(\.anchor.text).sorted() == ["Anna", Self.claimText])
    }

    @Test("JSON formats give the exact text back; brat keeps it (the .ann text column is the .txt span)")
    func exactWhereConsumersNeedIt() throws {
        let (bundle, _) = try Self.bundle()
        let jsonl = try #require(Self.files(.jsonl, bundle).first { $0.path == "annotations.jsonl" }).contents
        let record = try #require(jsonl.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        #expect(object["text"] as? String == String(Self.text.dropLast()))
        let brat = Self.files(.brat, bundle)
        let txt = try #require(brat.first { $0.path.hasSuffix(".txt") }).contents
        #expect(txt == Self.text)
        let ann = try #require(brat.first { $0.path.hasSuffix(".ann") }).contents
        #expect(ann.contains("\t\(Self.claimText)\n"))
    }
}
