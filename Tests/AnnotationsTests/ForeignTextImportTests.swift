import Foundation
import Testing
@testable import Annotations

/// WebAnno TSV and Label Studio files made on a text with a byte-order mark, CRLF line ends or
/// decomposed umlauts (as INCEpTION or Label Studio read the file): their offsets count that text,
/// which loading normalises. They were refused as text mismatches; now they are placed in the
/// normalised text when their text is the raw text at their offsets (``RawOffsetMap``, the one
/// mapping brat's import uses too), and refused clearly otherwise.
@Suite("WebAnno and Label Studio import: offsets into the text as another tool read it")
struct ForeignTextImportTests {
    /// A byte-order mark, CRLF, decomposed umlauts, „quotes“, an emoji with skin tone (two scalars,
    /// four UTF-16 units) and a combining mark on a letter that has no precomposed form (n̈).
    static let raw = "\u{FEFF}Mu\u{0308}ller sagte:\r\n„Wir scho\u{0308}n 👍🏽 das.“\r\nDie n\u{0308}-Partei schwieg.\r\n"
    static let tokens = ["Mu\u{0308}ller", "sagte", ":", "„", "Wir", "scho\u{0308}n", "👍🏽", "das", ".", "“", "Die", "n\u{0308}-Partei", "schwieg", "."]

    /// The tokens of `text` in order, with their UTF-16 and scalar offsets (found by searching, left to right).
    static func offsets(_ text: String, _ tokens: [String]) -> [(token: String, utf16: Range<Int>, scalars: Range<Int>)] {
        let units = Array(text.utf16), scalars = Array(text.unicodeScalars)
        var result: [(String, Range<Int>, Range<Int>)] = []
        var utf16From = 0, scalarFrom = 0
        for token in tokens {
            let tokenUnits = Array(token.utf16), tokenScalars = Array(token.unicodeScalars)
            let u = (utf16From...(units.count - tokenUnits.count)).first { Array(units[$0..<$0 + tokenUnits.count]) == tokenUnits }!
            let s = (scalarFrom...(scalars.count - tokenScalars.count)).first { Array(scalars[$0..<$0 + tokenScalars.count]) == tokenScalars }!
            result.append((token, u..<u + tokenUnits.count, s..<s + tokenScalars.count))
            utf16From = u + tokenUnits.count
            scalarFrom = s + tokenScalars.count
        }
        return result
    }

    /// A corpus folder holding `doc.txt` with `text` as written.
    static func corpus(_ text: String) throws -> (folder: String, corpus: SegmentedCorpus) {
        let folder = TestCorpus.temporaryFolder() + "/corpus"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/doc.txt"))
        return (folder, SegmentedCorpus(try CorpusLoader().load(paths: [folder])))
    }

    /// A WebAnno TSV file as INCEpTION writes it over `text` (one sentence per line of `text`): the
    /// speaker "Müller" (token 0), the cue "sagte" (token 1), the claim "Wir schön 👍🏽 das." (tokens 4–8).
    static func tsv(_ text: String, tokens: [String] = tokens) -> String {
        var lines = ["#FORMAT=WebAnno TSV 3.3", "#T_SP=webanno.custom.Attribution|role", "", ""]
        let found = offsets(text, tokens)
        let roles = [0: "speaker", 1: "cue", 4: "claim[1]", 5: "claim[1]", 6: "claim[1]", 7: "claim[1]", 8: "claim[1]"]
        let sentenceOf = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]
        for (index, item) in found.enumerated() {
            if index == 0 || sentenceOf[index] != sentenceOf[index - 1] {
                if index > 0 { lines.append("") }
                lines.append("#Text=…")
            }
            let sentence = sentenceOf[index] + 1
            let number = found.indices.filter { $0 < index && sentenceOf[$0] == sentenceOf[index] }.count + 1
            lines.append("\(sentence)-\(number)\t\(item.utf16.lowerBound)-\(item.utf16.upperBound)\t\(item.token)\t\(roles[index] ?? "_")")
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    static func write(_ name: String, _ text: String) throws -> String {
        let folder = TestCorpus.temporaryFolder()
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return folder + "/" + name
    }

    @Test("WebAnno TSV counting the corpus file as written (byte-order mark, CRLF, NFD, emoji) is placed in the normalised text")
    func webAnnoRawText() throws {
        let (_, corpus) = try Self.corpus(Self.raw)
        let path = try Self.write("doc.tsv", Self.tsv(Self.raw))
        let state = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: nil, time: "t").state
        #expect(state.mentions.values.map(\.anchor.text) == ["Müller"])
        #expect(state.mentions.values.first?.anchor.segments == [SpanSegment(start: 0, end: 6)])
        #expect(state.cues.values.map(\.anchor.text) == ["sagte"])
        #expect(state.claims.values.map(\.anchor.text) == ["Wir schön 👍🏽 das."])
    }

    @Test("WebAnno TSV counting the file without its byte-order mark (CRLF and NFD kept) is placed too")
    func webAnnoRawTextWithoutMark() throws {
        let (_, corpus) = try Self.corpus(Self.raw)
        let path = try Self.write("doc.tsv", Self.tsv(String(Self.raw.unicodeScalars.dropFirst())))
        let state = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: nil, time: "t").state
        #expect(state.mentions.values.map(\.anchor.text) == ["Müller"])
        #expect(state.claims.values.map(\.anchor.text) == ["Wir schön 👍🏽 das."])
    }

    @Test("WebAnno TSV over a JSONL corpus whose text holds CRLF and NFD is placed in the normalised text")
    func webAnnoRawJSONLText() throws {
        let folder = TestCorpus.temporaryFolder()
        let record = JSONValue.object([("id", .string("doc")), ("text", .string(Self.raw))]).serialized()
        try Data((record + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/corpus.jsonl"))
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder + "/corpus.jsonl"]))
        let path = try Self.write("doc.tsv", Self.tsv(Self.raw))
        let state = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: nil, time: "t").state
        #expect(state.claims.values.map(\.anchor.text) == ["Wir schön 👍🏽 das."])
    }

    @Test("WebAnno TSV whose tokens fit neither the normalised nor the written text is refused naming the token")
    func webAnnoNeitherRefused() throws {
        let (_, corpus) = try Self.corpus(Self.raw)
        // The offsets of the written text, one token's text changed.
        var tokens = Self.tsv(Self.raw).components(separatedBy: "\n")
        let index = try #require(tokens.firstIndex { $0.contains("\tsagte\t") })
        tokens[index] = tokens[index].replacingOccurrences(of: "\tsagte\t", with: "\tsagt \t")
        let path = try Self.write("doc.tsv", tokens.joined(separator: "\n"))
        let problems = importProblems { _ = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: nil, time: "t") }
        #expect(!problems.isEmpty)
        #expect(problems.contains { $0.reason.contains("does not match the document text") })
    }

    @Test("WebAnno TSV of our own export over such a corpus still imports exactly (the normalised text comes first)")
    func webAnnoOwnExportUnchanged() throws {
        let (_, corpus) = try Self.corpus(Self.raw)
        let normalized = corpus.documents[0].document.text
        let path = try Self.write("doc.tsv", Self.tsv(normalized, tokens: Self.tokens.map { $0.precomposedStringWithCanonicalMapping }))
        let state = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: nil, time: "t").state
        #expect(state.mentions.values.first?.anchor.segments == [SpanSegment(start: 0, end: 6)])
        #expect(state.claims.values.map(\.anchor.text) == ["Wir schön 👍🏽 das."])
    }

    /// Label Studio tasks over `text` with the given regions (label, start, end, text).
    static func tasks(_ text: String, _ regions: [(label: String, start: Int, end: Int, text: String)]) -> String {
        let results = regions.enumerated().map { index, region in
            JSONValue.object([
                ("id", .string("r\(index)")), ("from_name", .string("label")), ("to_name", .string("text")), ("type", .string("labels")),
                ("value", .object([
                    ("start", .int(region.start)), ("end", .int(region.end)), ("text", .string(region.text)),
                    ("labels", .array([.string(region.label)])),
                ])),
            ])
        }
        let task = JSONValue.object([
            ("data", .object([("text", .string(text)), ("document", .string("doc"))])),
            ("annotations", .array([.object([("result", .array(results))])])),
        ])
        return JSONValue.array([task]).serialized()
    }

    @Test("Label Studio regions counting code points of a data.text with byte-order mark, CRLF, NFD and emoji are placed in the normalised text")
    func labelStudioRawText() throws {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: Self.raw)], paths: ["x"]))
        let found = Self.offsets(Self.raw, Self.tokens)
        let claim = found[4].scalars.lowerBound..<found[8].scalars.upperBound
        let claimText = String(String.UnicodeScalarView(Array(Self.raw.unicodeScalars)[claim]))
        let path = try Self.write("tasks.json", Self.tasks(Self.raw, [
            ("Speaker", found[0].scalars.lowerBound, found[0].scalars.upperBound, found[0].token),
            ("Claim", claim.lowerBound, claim.upperBound, claimText),
            ("Speaker", found[11].scalars.lowerBound, found[11].scalars.upperBound, found[11].token),
        ]))
        let state = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t").state
        #expect(Set(state.mentions.values.map(\.anchor.text)) == ["Müller", "n\u{0308}-Partei"])
        #expect(state.mentions.values.first { $0.anchor.text == "Müller" }?.anchor.segments == [SpanSegment(start: 0, end: 6)])
        #expect(state.claims.values.map(\.anchor.text) == ["Wir schön 👍🏽 das."])
    }

    @Test("Label Studio regions on such a text that are not its text at their offsets, or cut a letter from its mark, are refused")
    func labelStudioRawTextRefused() throws {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: Self.raw)], paths: ["x"]))
        let path = try Self.write("tasks.json", Self.tasks(Self.raw, [
            ("Speaker", 0, 6, "Müller"),  // the normalised offsets: the written text there is "\u{FEFF}Mu\u{0308}lle"
            ("Speaker", 1, 3, "Mu"),  // cuts u from its combining diaeresis
        ]))
        let problems = importProblems { _ = try LabelStudioImporter().load(path: path, corpus: corpus, annotator: nil, time: "t") }
        #expect(problems.count == 2)
        #expect(problems.first?.reason.contains("task 1, result 1: region text 'Müller' is not the text at 0–6") == true)
        #expect(problems.last?.reason.contains("task 1, result 2: offsets 1–3 do not lie on whole characters of data.text") == true)
    }
}
