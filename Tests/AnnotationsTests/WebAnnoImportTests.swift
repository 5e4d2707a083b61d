import Foundation
import Testing
@testable import Annotations
import TestSupport

/// WebAnno TSV 3.3 in: what our exporter writes (export → import → export identical) and what
/// INCEpTION writes for the same layers (UTF-16 offsets, unnumbered single-token annotations,
/// stacked and multi-token ones, relations, other layers' columns, CRLF); bad files named with line.
@Suite("WebAnno TSV import")
struct WebAnnoImportTests {
    static let time = "2026-12-01T10:00:00.000Z"

    static func files(_ state: AnnotationState, corpus: SegmentedCorpus = ExportFixture.corpus) throws -> [ExportFile] {
        WebAnnoExporter().export(try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)]))
    }

    /// A corpus of one document, "plain": `text`.
    static func corpus(_ text: String) -> SegmentedCorpus {
        SegmentedCorpus(Corpus(documents: [Document(id: "doc", rawText: text)], paths: ["x"]))
    }

    static func write(_ name: String, _ text: String) throws -> String {
        let folder = TestScratch.path("webanno-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        return folder + "/" + name
    }

    @Test("export → import → export gives identical files (emoji, combining marks, discontinuous and stacked spans, relations)")
    func roundTrip() throws {
        let state = try ExportFixture.anna().state
        let files = try Self.files(state)
        let folder = TestScratch.path("webanno-")
        try ExportWriter(folder: folder).write(files)
        let imported = try WebAnnoImporter().load(paths: [folder + "/anna"], corpus: ExportFixture.corpus, annotator: "anna", time: Self.time)
        let back = imported.state
        #expect(back.mentions.count == state.mentions.count && back.cues.count == state.cues.count && back.claims.count == state.claims.count)
        for claim in state.claims.values {
            let copy = try #require(back.claims[claim.id])
            #expect(copy.anchor.segments == claim.anchor.segments && copy.mention == claim.mention && copy.cue == claim.cue && copy.speaker == claim.speaker)
            #expect(copy.origin?.kind == .imported)
        }
        #expect(try Self.files(back) == files)
    }

    @Test("a claim running over a sentence end (written as one piece per sentence) comes back as one segment; a real gap stays")
    func claimOverSentenceEnd() throws {
        let corpus = Self.corpus("Rutte sagte:\r\n„Wir handeln.“ Dann ging er.\nMerz widersprach.")
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Rutte"))), time: "t")
        // "Rutte sagte:\n„Wir handeln.“" (two sentences); "sagte: … Merz" with a real gap between its segments.
        let over = try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 0, end: 27)], allowFollowingSentences: true)
        let gapped = try builder.anchor(
            document: "doc", sentence: 0, segments: [SpanSegment(start: 6, end: 12), SpanSegment(start: 42, end: 46)], allowFollowingSentences: true)
        try session.perform(.add(.claim(Claim(id: "C1", anchor: over, speaker: "S1"))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C2", anchor: gapped, speaker: "S1"))), time: "t")
        #expect(corpus.documents[0].sentences.count == 4)
        let files = try Self.files(session.state, corpus: corpus)
        let folder = TestScratch.path("webanno-")
        try ExportWriter(folder: folder).write(files)
        let back = try WebAnnoImporter().load(paths: [folder + "/anna"], corpus: corpus, annotator: "anna", time: Self.time).state
        #expect(back.claims["C1"]?.anchor.segments == [SpanSegment(start: 0, end: 27)])
        #expect(back.claims["C2"]?.anchor.segments == gapped.segments)
        #expect(try Self.files(back, corpus: corpus) == files)
    }

    @Test("what INCEpTION writes: unnumbered single tokens, UTF-16 offsets past emoji, stacked values, plain relation addresses, other layers, CRLF")
    func inceptionFile() throws {
        let text = "👩‍🔬 Anna Müller sagte: Ja.\nn̈ Er meinte es."
        let corpus = Self.corpus(text)
        // 👩‍🔬 is 5 UTF-16 units (3 scalars); "Anna" starts at UTF-16 6.
        let tsv = [
            "#FORMAT=WebAnno TSV 3.3",
            "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value",
            "#T_SP=webanno.custom.Attribution|role|speaker",
            "#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution",
            "", "",
            "#Text=👩‍🔬 Anna Müller sagte: Ja.",
            "1-1\t0-5\t👩‍🔬\t_\t_\t_\t_\t_\t_",
            "1-2\t6-10\tAnna\t*[1]\tPER[1]\tspeaker[2]\t*[2]\t_\t_",
            "1-3\t11-17\tMüller\t*[1]\tPER[1]\tspeaker[2]\t*[2]\t_\t_",
            "1-4\t18-23\tsagte\t_\t_\tcue\t*\tcue\t1-6",
            "1-5\t23-24\t:\t_\t_\t_\t_\t_\t_",
            "1-6\t25-27\tJa\t_\t_\tclaim\t*\t_\t_",
            "1-7\t27-28\t.\t_\t_\t_\t_\t_\t_",
            "",
            "#Text=n̈ Er meinte es.",
            "2-1\t29-31\tn̈\t_\t_\t_\t_\t_\t_",
            "2-2\t32-34\tEr\t_\t_\tspeaker|claim[3]\tS9|*[3]\t_\t_",
            "2-3\t35-41\tmeinte\t_\t_\tclaim[3]\t*[3]\t_\t_",
            "2-4\t42-44\tes\t_\t_\tclaim[3]\t*[3]\t_\t_",
            "2-5\t44-45\t.\t_\t_\t_\t_\t_\t_",
            "",
        ].joined(separator: "\r\n")
        let path = try Self.write("doc.tsv", tsv)
        let state = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: "i", time: Self.time).state
        #expect(state.mentions.count == 2 && state.cues.count == 1 && state.claims.count == 2)
        let anna = try #require(state.mentions.values.first { $0.anchor.text == "Anna Müller" })
        #expect(state.speakers[anna.speaker]?.name == "Anna Müller")
        let ja = try #require(state.claims.values.first { $0.anchor.text == "Ja" })
        #expect(ja.cue.flatMap { state.cues[$0]?.anchor.text } == "sagte")
        let er = try #require(state.mentions.values.first { $0.anchor.text == "Er" })
        #expect(er.speaker == "S9" && state.speakers["S9"]?.name == "Er")
        #expect(state.claims.values.contains { $0.anchor.text == "Er meinte es" })
    }

    @Test("a file cut short is refused naming the file and line (inside its last sentence, or after a whole sentence); nothing imported")
    func cutShort() throws {
        let files = try Self.files(try ExportFixture.anna().state)
        let file = try #require(files.first { $0.path.hasSuffix("tricky.tsv") })
        let whole = Array(file.contents.utf8)
        // Sentence 2 of tricky.tsv: its #Text line, and the row after its first token.
        let lines = file.contents.components(separatedBy: "\n")
        let texts = lines.indices.filter { lines[$0].hasPrefix("#Text=") }
        try #require(texts.count >= 2)
        let text2 = texts[1]
        func load(_ bytes: some Sequence<UInt8>) throws -> Session {
            let path = try Self.write("tricky.tsv", String(decoding: Array(bytes), as: UTF8.self))
            return try WebAnnoImporter().load(paths: [path], corpus: ExportFixture.corpus, annotator: "anna", time: Self.time)
        }
        func refusal(_ bytes: some Sequence<UInt8>) -> String {
            do {
                _ = try load(bytes)
                return ""
            } catch {
                return "\(error)"
            }
        }
        // The rows of the last sentence end before its #Text does (cut after the row of its first token).
        let firstToken = lines[text2 + 1].split(separator: "\t")[2]
        let afterFirstToken = lines[...(text2 + 1)].joined(separator: "\n") + "\n"
        #expect(refusal(afterFirstToken.utf8).contains("tricky.tsv:\(text2 + 2): the file ends inside sentence 2: its #Text has"), "\(refusal(afterFirstToken.utf8))")
        #expect(refusal(afterFirstToken.utf8).contains("its tokens cover \(firstToken.unicodeScalars.count)"))
        // A last sentence with no rows at all.
        let onlyText = lines[...text2].joined(separator: "\n") + "\n"
        #expect(refusal(onlyText.utf8).contains("tricky.tsv:\(text2 + 1): the file ends inside sentence 2: its #Text has"), "\(refusal(onlyText.utf8))")
        #expect(refusal(onlyText.utf8).contains("its tokens cover 0"))
        // Cut after a whole sentence: the document goes on.
        let firstSentence = lines[..<(text2 - 1)].joined(separator: "\n") + "\n"
        #expect(refusal(firstSentence.utf8).contains("but the document's text goes on"), "\(refusal(firstSentence.utf8))")
        // Every cut at a character boundary (every third byte, and every line's end) is refused,
        // naming the file and a line, unless all it dropped is line breaks and `_` (an empty last column).
        var index = 0
        while index < whole.count {
            defer { index += 1 }
            guard index % 3 == 0 || whole[index] == 0x0A else { continue }
            guard whole[index] & 0xC0 != 0x80 else { continue }
            let dropped = whole[index...]
            let reason = refusal(whole[..<index])
            if dropped.allSatisfy({ $0 == 0x0A || $0 == UInt8(ascii: "_") }) { continue }
            #expect(reason.contains("tricky.tsv:"), "cut at byte \(index) of \(whole.count) imported")
        }
        #expect(refusal(whole) == "")
    }

    @Test("a file cut inside its last row's relation target ('1-12' cut to '1-1', another valid token) is refused; the whole file imports")
    func cutInsideLastField() throws {
        // ASCII words separated by single spaces: UTF-16 offsets are character offsets.
        let words = "Er sagte am Montag in Berlin vor der Presse , dass es regnet .".split(separator: " ").map(String.init)
        let text = words.joined(separator: " ")
        var rows: [String] = [], begin = 0
        for (index, word) in words.enumerated() {
            // Two one-token claims, "Er" (1-1) and "es" (1-12).
            let columns = index == 0 || index == 11 ? "*\tclaim\t*" : "_\t_\t_"
            rows.append("1-\(index + 1)\t\(begin)-\(begin + word.count)\t\(word)\t\(columns)\t_\t_")
            begin += word.count + 1
        }
        // The last token is the cue of the claim "es" (1-12): a cut of the target's last digit leaves 1-1, the other claim.
        rows[rows.count - 1] = "1-\(words.count)\t\(text.count - 1)-\(text.count)\t.\t*\tcue\t*\tcue\t1-12"
        let header = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Attribution|annotation|role|speaker\n#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution\n\n\n#Text=\(text)\n"
        let whole = header + rows.joined(separator: "\n") + "\n"
        func outcome(_ body: String) -> String {
            do {
                _ = try WebAnnoImporter().load(paths: [try Self.write("doc.tsv", body)], corpus: Self.corpus(text), annotator: "anna", time: Self.time)
                return ""
            } catch {
                return "\(error)"
            }
        }
        let lastLine = 6 + words.count
        for cut in [whole.dropLast(1), whole.dropLast(2)] {
            let reason = outcome(String(cut))
            #expect(reason.contains("doc.tsv:\(lastLine): the file ends inside its last line (no line break after it)"), "\(reason)")
        }
        #expect(outcome(whole) == "")
    }

    @Test("bad files name the file and line, and nothing is imported")
    func badInput() throws {
        let corpus = Self.corpus("Er sagte es.")
        let header = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Attribution|annotation|role|speaker\n#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution\n\n\n#Text=Er sagte es.\n"
        let cases: [(String, String)] = [
            ("1-1\t0-2\tEr\t*\tspeaker\t*\t_\t_\n1-2\t3-8\tsagte\t*\tcue\t*\n", "doc.tsv:8: expected 8 tab-separated columns (as the header says), found 6"),
            ("1-1\t0-99\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets '0-99' lie outside the document text"),
            ("1-1\tx-2\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets 'x-2' are not BEGIN-END, two whole numbers of UTF-16 units (such as 0-5)"),
            ("1-1\t0--2\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets '0--2' are not BEGIN-END"),
            ("1-1\t٠-2\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets '٠-2' are not BEGIN-END"),
            ("1-1\t+0-2\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets '+0-2' are not BEGIN-END"),
            ("1-1\t2-0\tEr\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: offsets '2-0' end before they begin"),
            ("1-1\t0-2\tEs\t*\tspeaker\t*\t_\t_\n", "doc.tsv:7: token 'Es' does not match the document text at 0-2 ('Er')"),
            ("1-1\t0-2\tEr\t*\tperson\t*\t_\t_\n", "doc.tsv:7: unknown role 'person' (expected speaker, cue or claim)"),
            ("1-1\t0-2\tEr\t*\tspeaker\t*\tblames\t1-3\n1-3\t9-11\tes\t*\tclaim\t*\t_\t_\n", "doc.tsv:7: unknown relation role 'blames'"),
            ("1-1\t0-2\tEr\t*\tspeaker\t*\tspeaker\t1-2\n", "doc.tsv:7: relation to 1-2 points at no single Attribution annotation"),
        ]
        for (body, expected) in cases {
            let path = try Self.write("doc.tsv", header + body)
            do {
                _ = try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: "i", time: Self.time)
                Issue.record("imported \(body)")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
            }
        }
        let path = try Self.write("doc.tsv", "#FORMAT=CoNLL\n")
        #expect(throws: ExportError.self) { try WebAnnoImporter().load(paths: [path], corpus: corpus, annotator: "i", time: Self.time) }
        let other = try Self.write("nodoc.tsv", header)
        do {
            _ = try WebAnnoImporter().load(paths: [other], corpus: corpus, annotator: "i", time: Self.time)
        } catch {
            #expect(error.description.contains("nodoc.tsv: no corpus document 'nodoc'"), "\(error.description)")
        }
    }

    @Test("a file written by web-anno-tsv (another writer of the format) imports", .enabled(if: ConsumerPython.enabled))
    func writtenByWebAnnoTSV() async throws {
        let text = "Zoë 👍🏽 sagte: Ja.\nn̈ Er schrieb es."
        let corpus = Self.corpus(text)
        let folder = TestScratch.path("webanno-py-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (status, output) = try await ConsumerPython.run("write_webanno.py", [folder + "/doc.tsv"])
        #expect(status == 0, "\(output)")
        let state = try WebAnnoImporter().load(paths: [folder + "/doc.tsv"], corpus: corpus, annotator: "w", time: Self.time).state
        #expect(Set(state.mentions.values.map(\.anchor.text)) == ["Zoë 👍🏽", "Er"])
        #expect(Set(state.cues.values.map(\.anchor.text)) == ["sagte", "schrieb"])
        #expect(Set(state.claims.values.map(\.anchor.text)) == ["Ja.", "es"])
    }
}
