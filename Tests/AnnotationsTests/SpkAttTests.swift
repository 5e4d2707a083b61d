import Foundation
import Testing
@testable import Annotations
import TestSupport

/// SpkAtt-2023 task 2 JSON in and out, and pre-tokenized corpus documents: the documents' own
/// tokens kept exactly, import → export giving the same annotations, bad input named with file
/// and place.
@Suite("SpkAtt-2023 and pre-tokenized documents")
struct SpkAttTests {
    static let time = "2026-12-01T10:00:00.000Z"

    /// A hand-made document: emoji (with a skin tone, a flag), a combining mark without a
    /// precomposed form (n̈), umlauts and „…“; two attributions share a cue, one has two Source
    /// runs and an addressee, one nests in another, one has no Source.
    static let fixture = SpkAttDocument(
        annotations: [
            .init(
                addr: ["0:7", "0:8"], cue: ["0:2"], form: "Direct", frame: ["0:0", "0:1", "0:2", "0:3", "0:4", "0:5", "0:6", "0:7", "0:8"],
                hasNested: true, message: ["0:10", "0:11", "0:12", "0:13", "0:14"], stwr: "Speech", source: ["0:0", "0:1"]),
            .init(
                cue: ["1:3", "1:6"], form: "IndirectFreeIndirect", isNested: true, message: ["1:4", "1:5", "2:0", "2:1", "2:2"], stwr: "SW",
                source: ["1:0", "1:2"]),
            .init(form: "FreeIndirect", message: ["3:0", "3:1", "3:2", "3:3"], stwr: "Thought"),
            .init(cue: ["1:3", "1:6"], form: "Reported", message: ["1:5"], stwr: "none", source: ["1:0"]),
        ],
        documentName: "Zoë meldet: 👍🏽 aus 🇩🇪",
        sentences: [
            .init(sentenceID: 0, tokens: ["Zoë", "Müller", "sagte", "am", "Montag", "gegenüber", "dem", "n̈-Magazin", "🇩🇪", ":", "„", "Alles", "gut", "👍🏽", "“"]),
            .init(sentenceID: 1, tokens: ["Sie", "und", "Jörg", "gaben", "an", "Pläne", "zu", "."]),
            .init(sentenceID: 2, tokens: ["Die", "Frist", "läuft", "."]),
            .init(sentenceID: 3, tokens: ["Ob", "das", "reicht", "?"]),
        ])

    /// Writes documents as SpkAtt files into a new folder; returns it.
    static func folder(_ documents: [String: SpkAttDocument]) throws -> String {
        let folder = TestScratch.path("spkatt-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (name, document) in documents {
            try encoder.encode(document).write(to: URL(fileURLWithPath: folder + "/" + name + ".json"))
        }
        return folder
    }

    /// Writes raw file contents into a new folder; returns it.
    static func folder(raw files: [String: String]) throws -> String {
        let folder = TestScratch.path("spkatt-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    static func load(_ folder: String) throws -> (corpus: SegmentedCorpus, session: Session) {
        try SpkAttImporter().load(paths: [folder], corpusPath: folder + "/corpus.jsonl", annotator: "spkatt", time: time)
    }

    /// The problems an import reports (records an issue when it imports).
    static func problems(_ folder: String) -> [ImportProblem] {
        importProblems { _ = try load(folder) }
    }

    @Test("import → export gives the same sentences, tokens and annotations, emoji and combining marks included")
    func roundTrip() throws {
        let folder = try Self.folder(["doc 1": Self.fixture])
        let (corpus, session) = try Self.load(folder)
        let state = session.state
        #expect(state.claims.count == 4 && state.cues.count == 2)
        // Sources "Zoë Müller", "Sie", "Jörg" and the addressee "dem n̈-Magazin 🇩🇪": one mention each, Sie shared.
        #expect(state.mentions.count == 4 && state.speakers.count == 4)
        #expect(state.claims.values.allSatisfy { $0.origin?.kind == .imported })
        #expect(state.mentions.values.allSatisfy { $0.origin?.kind == .imported })
        let c2 = try #require(state.claims["C2"])
        // "Sie und Jörg gaben an": one claim by two speakers, main first, with both mentions.
        #expect(c2.form == "indirect-free-indirect" && c2.attributes?["is_nested"] == "true" && c2.attributes?["more_sources"] == nil)
        #expect(c2.speakers.map { state.speakers[$0]?.name } == ["Sie", "Jörg"] && c2.mentions == ["M3", "M4"])
        #expect(state.claims["C1"]?.addressees == ["M2"] && state.claims["C1"]?.attributes?["addressees"] == nil)
        #expect(state.claims["C3"]?.speaker == nil && state.claims["C3"]?.mention == nil)
        let document = try #require(corpus.document(id: "doc 1"))
        #expect(document.document.isPretokenized && document.document.title == Self.fixture.documentName)
        #expect(document.sentences.map { $0.tokens.map(\.text) } == Self.fixture.sentences.map(\.tokens))
        #expect(session.corpus.documents.first?.tokenization == "given")

        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "spkatt", annotator: "spkatt", state: state)])
        let files = SpkAttExporter().export(bundle)
        #expect(files.map(\.path) == ["spkatt/doc 1.json"])
        let exported = try JSONDecoder().decode(SpkAttDocument.self, from: Data(try #require(files.first).bytes))
        #expect(exported == Self.fixture)
        #expect(SpkAttExporter().export(bundle) == files)
    }

    @Test("the session file keeps the claims' attributes and the documents' tokenization")
    func sessionFile() throws {
        let folder = try Self.folder(["doc 1": Self.fixture])
        let (_, session) = try Self.load(folder)
        let path = folder + "/s.json"
        let file = try LockedSessionFile(path: path, now: Self.time)
        try file.write(session.file)
        file.release()
        let reloaded = try SessionStore.load(path: path)
        #expect(reloaded.state.claims == session.state.claims)
        #expect(reloaded.corpus == session.corpus)
        #expect(reloaded.state.claims["C1"]?.attributes?["frame"] != nil)
    }

    @Test("the shared task's own file shape: keys as in the task's files, compact, UTF-8")
    func fileShape() throws {
        let folder = try Self.folder(["d": Self.fixture])
        let (corpus, session) = try Self.load(folder)
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "a", annotator: "a", state: session.state)])
        let text = try #require(SpkAttExporter().export(bundle).first).contents
        #expect(text.hasPrefix("{\"Annotations\":[{\"Addr\":[\"0:7\",\"0:8\"],\"Cue\":[\"0:2\"],\"Form\":\"Direct\",\"Frame\":"))
        #expect(text.contains("\"DocumentName\":\"Zoë meldet: 👍🏽 aus 🇩🇪\",\"Sentences\":[{\"SentenceId\":0,\"Tokens\":[\"Zoë\""))
    }

    @Test("a session on a segmented corpus exports on the workbench's tokens")
    func segmentedDocuments() throws {
        let state = try ExportFixture.anna().state
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
        let files = SpkAttExporter().export(bundle)
        #expect(!files.isEmpty)
        var claims = 0
        for file in files {
            let document = try JSONDecoder().decode(SpkAttDocument.self, from: Data(file.bytes))
            claims += document.annotations.count
            for annotation in document.annotations {
                #expect(!annotation.message.isEmpty)
                for reference in annotation.message + annotation.source + annotation.cue {
                    let (s, t) = try #require(SpkAttDocument.position(of: reference))
                    #expect(s < document.sentences.count && t < document.sentences[s].tokens.count)
                }
            }
        }
        #expect(claims == state.claims.count)
    }

    @Test("the corpus written for an import loads back into the same pre-tokenized documents")
    func corpusRecords() throws {
        let folder = try Self.folder(["doc 1": Self.fixture])
        let (corpus, _) = try Self.load(folder)
        let path = folder + "/corpus.jsonl"
        try Data(PretokenizedRecord.jsonl(corpus.corpus.documents)).write(to: URL(fileURLWithPath: path))
        let reloaded = SegmentedCorpus(try CorpusLoader().load(paths: [path]))
        #expect(reloaded.documents.map(\.sentences) == corpus.documents.map(\.sentences))
        #expect(reloaded.documents.map(\.document.fingerprint) == corpus.documents.map(\.document.fingerprint))
    }

    @Test("JSONL documents with sentences: token lists or {tokens, id}, with or without the text")
    func pretokenizedJSONL() throws {
        let folder = try Self.folder(raw: [
            "c.jsonl": """
                {"id": "a", "sentences": [["Er", "sagte", ":", "👍🏽"], ["n̈", "."]]}
                {"id": "b", "text": "  Er sagte:  „Ja.“\\nGut", "sentences": [{"id": 7, "tokens": ["Er", "sagte", ":", "„", "Ja", ".", "“"]}, {"id": "x", "tokens": ["Gut"]}]}

                """
        ])
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder + "/c.jsonl"]))
        let a = try #require(corpus.document(id: "a"))
        // Joined as running text (TokenJoiner): no space before ":" and ".", sentences one after another.
        #expect(a.document.text == "Er sagte: 👍🏽 n̈.")
        #expect(a.sentences.map { $0.tokens.map(\.text) } == [["Er", "sagte", ":", "👍🏽"], ["n̈", "."]])
        #expect(a.sentences[1].tokens[0].start == 13 && a.sentences[1].tokens[0].end == 15)
        let b = try #require(corpus.document(id: "b"))
        #expect(b.sentences.map { $0.tokens.map(\.text) } == [["Er", "sagte", ":", "„", "Ja", ".", "“"], ["Gut"]])
        #expect(b.sentences[0].start == 2 && b.sentences[0].text == "Er sagte:  „Ja.“")
        #expect(b.document.givenSentences?.map(\.id) == ["7", "x"])
    }

    @Test("JSONL sentences that do not match the text, empty tokens or wrong shapes name the file, line, sentence and token")
    func pretokenizedMismatch() throws {
        let cases: [(String, String)] = [
            (#"{"id": "a", "text": "Er sagte es", "sentences": [["Er", "meinte", "es"]]}"#, "c.jsonl:1: document 'a', sentence 0, token 1: token 'meinte' does not match the text at offset 3 (found 'sagte ')"),
            (#"{"id": "a", "text": "Er sagte es", "sentences": [["Er", "sagte"]]}"#, "c.jsonl:1: document 'a', sentence 0: the text goes on after the last token"),
            (#"{"id": "a", "sentences": [["Er", ""]]}"#, "c.jsonl:1: document 'a', sentence 0, token 1: the token is empty"),
            (#"{"id": "a", "sentences": [[]]}"#, "c.jsonl:1: document 'a', sentence 0: the sentence has no tokens"),
            (#"{"id": "a", "sentences": "Er sagte"}"#, "c.jsonl:1: \"sentences\" must be a non-empty list"),
            (#"{"id": "a", "sentences": [["Er", 3]]}"#, "c.jsonl:1: sentences[0] must be a list of token strings"),
        ]
        for (line, expected) in cases {
            let folder = try Self.folder(raw: ["c.jsonl": line + "\n"])
            do {
                _ = try CorpusLoader().load(paths: [folder + "/c.jsonl"])
                Issue.record("loaded \(line)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
    }

    @Test("annotation keys of other SpkAtt tasks (task 1's PTC, Evidence) are refused when they hold something, not dropped")
    func foreignKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(Self.fixture)) as? [String: Any])
        var annotations = try #require(object["Annotations"] as? [[String: Any]])
        annotations[1]["PTC"] = ["0:1"]
        annotations[2]["Evidence"] = []
        annotations[2]["Topic"] = NSNull()
        object["Annotations"] = annotations
        object["Meta"] = ["source": "task1"]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let problems = Self.problems(try Self.folder(raw: ["speech.json": text]))
        #expect(problems.map(\.reason) == [
            "Annotations[1].PTC: the workbench has no place for 'PTC' (it reads SpkAtt-2023 task 2 annotations: Addr, Cue, Form, Frame, HasNested,"
                + " IsNested, Message, STWR, Source); remove it to import the rest",
        ])
        #expect(problems.first?.path.hasSuffix("speech.json") == true)
        // Empty ones (and keys outside the annotations) carry nothing: the file imports.
        annotations[1]["PTC"] = []
        object["Annotations"] = annotations
        let empty = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(try Self.load(try Self.folder(raw: ["speech.json": empty])).session.state.claims.count == 4)
    }

    @Test("bad SpkAtt files are reported with file and place, and nothing is imported")
    func badInput() throws {
        var outOfRange = Self.fixture
        outOfRange.annotations[0].cue = ["0:99"]
        var badSentence = Self.fixture
        badSentence.annotations[1].message = ["9:0"]
        var unknownForm = Self.fixture
        unknownForm.annotations[2].form = "Quoted"
        var unknownMedium = Self.fixture
        unknownMedium.annotations[3].stwr = "Telepathy"
        var badReference = Self.fixture
        badReference.annotations[0].source = ["0-1"]
        var emptyMessage = Self.fixture
        emptyMessage.annotations[0].message = []
        var numbering = Self.fixture
        numbering.sentences[1].sentenceID = 5
        var emptyToken = Self.fixture
        emptyToken.sentences[2].tokens[1] = ""
        let folder = try Self.folder([
            "range": outOfRange, "sentence": badSentence, "form": unknownForm, "medium": unknownMedium, "reference": badReference,
            "empty": emptyMessage, "numbering": numbering, "token": emptyToken, "good": Self.fixture,
        ])
        try Data(#"{"Annotations": [], "DocumentName": "x", "Sentences": {"a": 1}}"#.utf8).write(to: URL(fileURLWithPath: folder + "/shape.json"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/junk.json"))
        try Data(#"{"DocumentName": "x", "Sentences": []}"#.utf8).write(to: URL(fileURLWithPath: folder + "/missing.json"))
        let descriptions = Self.problems(folder).map(\.description)
        let expected = [
            "junk.json:1: not JSON: stopped at column 2: unexpected character 'o'",
            "missing.json: the top level: missing field \"Annotations\"",
            "numbering.json: Sentences[1].SentenceId is 5",
            "shape.json: Sentences: expected a list",
            "token.json: Sentences[2].Tokens[1]: the token is empty",
            "empty.json: Annotations[0].Message: empty",
            "form.json: Annotations[2].Form: unknown form 'Quoted' (expected Direct, Indirect, FreeIndirect, IndirectFreeIndirect, Reported)",
            "medium.json: Annotations[3].STWR: unknown value 'Telepathy'",
            "range.json: Annotations[0].Cue[0]: '0:99' names token 99; sentence 0 has tokens 0–14",
            "reference.json: Annotations[0].Source[0]: '0-1' is not a \"sentence:token\" reference",
            "sentence.json: Annotations[1].Message[0]: '9:0' names sentence 9; the document has sentences 0–3",
        ]
        for text in expected {
            #expect(descriptions.contains { $0.contains(text) }, "missing: \(text) in \(descriptions)")
        }
        #expect(descriptions.count == expected.count, "\(descriptions)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/corpus.jsonl"))
    }

    @Test("the shared task's JSON shape, checked by a Python reader against the originals", .enabled(if: ConsumerPython.enabled))
    func consumer() async throws {
        var second = Self.fixture
        second.annotations.removeLast()
        second.documentName = "Zweites"
        let folder = try Self.folder(["doc 1": Self.fixture, "zwei": second])
        let (corpus, session) = try Self.load(folder)
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "s", annotator: "s", state: session.state)])
        let out = TestScratch.path("spkatt-out-")
        try ExportWriter(folder: out).write(SpkAttExporter().export(bundle))
        let (status, output) = try await ConsumerPython.run("check_spkatt.py", [folder, out + "/s"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("spkatt: 2 files, 7 annotations, 0 mismatches, 0 problems"), "\(output)")
    }
}

/// Pre-tokenized news reads as running text, so the suggestion rules find its quotes: before, tokens
/// joined by spaces („ Houston , … . “) gave no proposals at all on imported SpkAtt documents.
@Suite("Token joining")
struct TokenJoinerTests {
    @Test("German punctuation and quotes are joined as written; straight quotes alternate")
    func joining() throws {
        let built = try PretokenizedText(
            sentences: [
                .init(tokens: ["„", "Wir", "bleiben", "hier", ".", "“"]),
                .init(tokens: ["sagte", "Müller", "(", "SPD", ")", "."]),
                .init(tokens: ["Er", "sagte", "\"", "nein", "\"", "."]),
            ], text: nil)
        #expect(built.text == "„Wir bleiben hier.“ sagte Müller (SPD). Er sagte \"nein\".")
    }

    @Test("The engine proposes attributions on a pre-tokenized document as on the same text typed")
    func suggestionsOnPretokenizedText() throws {
        let built = try PretokenizedText(
            sentences: [.init(tokens: ["„", "Wir", "bleiben", "hier", ".", "“", ",", "sagte", "Müller", "."])], text: nil)
        let document = Document(id: "d", text: built.text, source: "t", givenSentences: built.sentences)
        let proposals = AttributionSuggester().suggestions(for: SegmentedDocument(document))
        #expect(!proposals.isEmpty)
    }
}
