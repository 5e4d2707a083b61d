import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// The fast session decoder against the `Codable` conformances (the one definition of the format,
/// decoded by `JSONDecoder`): the same files decode to the same values, and damaged files are
/// refused at the place `JSONDecoder` finds (and never crash).
@Suite("Session decoder")
struct SessionDecoderTests {
    /// A random session built with the event-log property generator, with extras the generator never makes.
    static func randomSession(_ codes: [Int]) -> Session {
        var session = Session(annotator: "prop", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z",
                              derivedFrom: codes.count % 2 == 0 ? ["a.json", "b \"quoted\".json"] : nil)
        for (step, code) in codes.enumerated() {
            let action = EventLogPropertyTests.action(for: code, in: session.state)
            _ = try? session.perform(action, time: "2026-11-21T10:00:\(step % 60).000Z")
        }
        if let id = AnnotationState.sortedByID(session.state.claims).first?.id {
            _ = try? session.perform(.review(ReviewDecision(annotation: id, verdict: .rejected, reason: "zu \\ weit\n", reviewer: "rev")), time: "t")
        }
        _ = try? session.perform(.add(.note(Note(id: session.state.nextID("N"), subject: .sentence(SentenceKey(document: "plain", sentence: 1)),
                                                  text: "Tab\there, \u{1} control, 😀 emoji, „Zitat“, / slash"))), time: "t")
        if codes.count % 3 == 0 { session.cursor = SentenceKey(document: "tricky", sentence: 2) }
        return session
    }

    static func encoded(_ file: SessionFile) -> Data {
        (try? SessionCodec.encode(file)) ?? Data()
    }

    /// Decodes with the fast decoder only (nil when it gives up).
    static func fast(_ data: Data) -> SessionFile? {
        [UInt8](data).withUnsafeBufferPointer { buffer in try? SessionFileDecoder.decode(buffer) }
    }

    /// The outcome of a decode as something comparable: the re-encoded file or the error.
    static func outcome(_ body: () throws(SessionError) -> SessionFile) -> Result<Data, SessionError> {
        do throws(SessionError) { return .success(encoded(try body())) } catch { return .failure(error) }
    }

    @Test("Random sessions decode to the same value with both decoders")
    func differential() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...100_000).array(of: 0...60)) { codes in
            let data = Self.encoded(Self.randomSession(codes).file)
            let reference = try? JSONDecoder().decode(SessionFile.self, from: data)
            let fast = Self.fast(data)
            #expect(fast != nil, "the fast decoder gave up on a file it wrote")
            if let fast, let reference {
                #expect(Self.encoded(fast) == Self.encoded(reference))
                #expect(Self.encoded(fast) == data)
                #expect(fast.events == reference.events)
                #expect(fast.annotations == reference.annotations)
            }
        }
    }

    @Test("The cold values (corpus, schema, cursor, settings, log, next, derived-from) decode through their Codable types")
    func coldValues() throws {
        var file = Self.randomSession([3, 14, 15, 92]).file
        file.corpus.documents[0].tokenization = CorpusReference.DocumentEntry.given
        file.settings = SessionSettings(suggest: false)
        file.cursor = SentenceKey(document: "tricky", sentence: 2)
        file.derivedFrom = ["ä.json", "„b“.json"]
        file.log = LogReference(events: 7, bytes: 1234, digest: "abc")
        file.next = ["C": 4, "N": 2]
        let data = Self.encoded(file)
        let fast = try #require(Self.fast(data))
        let reference = try JSONDecoder().decode(SessionFile.self, from: data)
        #expect(Self.encoded(fast) == Self.encoded(reference))
        #expect(fast.settings == SessionSettings(suggest: false) && fast.cursor == file.cursor && fast.derivedFrom == file.derivedFrom)
        #expect(fast.log == file.log && fast.next == file.next && fast.corpus == file.corpus)
        // A cold value of the wrong shape: the fast decoder gives up, and the Codable path names it.
        let bytes = [UInt8](data)
        let settings = try #require(bytes.firstRange(of: Array("\"settings\"".utf8)))
        let value = try #require(bytes[settings.upperBound...].firstRange(of: Array("false".utf8)))
        var broken = bytes
        broken.replaceSubrange(value, with: Array("\"no\" ".utf8))
        let failure = broken.withUnsafeBufferPointer { buffer -> JSONReader.Failure? in
            do throws(JSONReader.Failure) { _ = try SessionFileDecoder.decode(buffer); return nil } catch { return error }
        }
        #expect(failure?.isSyntax == false)
        #expect(throws: SessionError.invalid(path: "mem", jsonPath: "$.settings.suggest", expected: "expected true or false")) {
            try SessionCodec.decode(Data(broken), path: "mem")
        }
    }

    @Test("The header fields are found wherever a file lays them out, and only before the records when written first")
    func headAnywhere() throws {
        var file = Self.randomSession([3, 14, 15, 92]).file
        file.version = 1
        file.log = nil
        let written = Self.encoded(file)
        let sorted = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: written), options: [.sortedKeys])
        for data in [written, sorted] {
            let head = try #require(SnapshotHead(data))
            #expect(head.format == SessionFile.formatName && head.version == 1)
            #expect(try SessionCodec.decode(data, path: "mem").events == file.events)
        }
        // Written first: the records after them are not read (here: not even valid JSON).
        let cut = written.prefix(try #require(written.range(of: Data(SessionFileWriter.recordsMarker))).upperBound) + Data("[{".utf8)
        #expect(SnapshotHead(cut)?.version == 1)
    }

    @Test("Truncated files are refused as not JSON, as JSONDecoder refuses them")
    func truncated() async {
        let data = Self.encoded(Self.randomSession(Array(stride(from: 1, to: 400, by: 7))).file)
        await propertyCheck(count: 200, input: Gen.int(in: 1...(data.count - 2))) { cut in
            let prefix = data.prefix(cut)
            let mine = Self.outcome { () throws(SessionError) in try SessionCodec.decode(prefix, path: "mem") }
            guard case .failure(let error) = mine else { Issue.record("a file cut at \(cut) decoded"); return }
            #expect(Self.caseName(error) == "notJSON", "cut at \(cut): \(error)")
            #expect((try? JSONDecoder().decode(SessionFile.self, from: prefix)) == nil, "JSONDecoder decoded a file cut at \(cut)")
        }
    }

    @Test("Wrong types and missing fields are refused at the place JSONDecoder names (or the object holding it); a key twice and 1.0 for an integer are refused")
    func wrongTypes() async {
        let data = Self.encoded(Self.randomSession(Array(stride(from: 3, to: 300, by: 5))).file)
        let text = String(decoding: data, as: UTF8.self)
        let replacements: [(String, String)] = [
            ("\"sentence\":", "\"sentence\":\"x\",\"_\":"), ("\"sentence\":", "\"sentence\":1.5,\"_\":"), ("\"id\":", "\"id\":7,\"_\":"),
            ("\"id\":", "\"_\":"), ("\"anchor\":", "\"anchor\":[],\"_\":"), ("\"type\":\"claim\"", "\"type\":\"bogus\""),
            ("\"action\":\"add\"", "\"action\":\"subtract\""), ("\"negated\":", "\"negated\":0,\"_\":"), ("\"seq\":", "\"seq\":null,\"_\":"),
            ("\"segments\":", "\"segments\":{},\"_\":"), ("\"start\":", "\"start\":true,\"_\":"), ("\"status\":\"", "\"status\":\"x"),
            ("\"version\":1", "\"version\":\"1\""), ("\"format\":", "\"format\":3,\"_\":"), ("\"speaker\":\"", "\"speaker\":[\""),
            ("\"text\":", "\"text\":null,\"_\":"), ("\"events\":", "\"events\":{},\"_\":"), ("\"before\":", "\"before\":null,\"_\":"),
            ("\"version\":1", "\"version\":1.0"), ("\"name\":", "\"name\":\"\\u00e4\\ud83d\\ude00\",\"_\":"),
            ("\"text\":\"", "\"text\":\"\\ud800"), ("\"text\":\"", "\"text\":\"\\udc00x"), ("\"text\":\"", "\"text\":\"\\q"),
            ("\"id\":", "\"id\":\"Z9\",\"id\":"), ("\"format\":", "\"format\":\"brat\",\"format\":"), ("\"seq\":", "\"seq\":0,\"seq\":"),
            ("\"seq\":1", "\"seq\":1.0"),
        ]
        let pairs = replacements.enumerated().map { ($0.offset, $0.element) }
        await propertyCheck(count: 200, input: Gen.int(in: 0...(pairs.count - 1)), Gen.int(in: 0...1000)) { which, nth in
            let (needle, replacement) = pairs[which].1
            let ranges = Self.ranges(of: needle, in: text)
            guard !ranges.isEmpty else { return }
            var mutated = text
            mutated.replaceSubrange(ranges[nth % ranges.count], with: replacement)
            let bytes = Data(mutated.utf8)
            let mine = Self.outcome { () throws(SessionError) in try SessionCodec.decode(bytes, path: "mem") }
            let reference: Result<SessionFile, any Error> = Result { try JSONDecoder().decode(SessionFile.self, from: bytes) }
            let place = "\(needle) → \(replacement)"
            switch (mine, reference) {
            case (.success(let a), .success(let b)): #expect(a == Self.encoded(b), "\(place)")
            // Stricter than JSONDecoder, and said so at the place.
            case (.failure(.invalid(_, let at, let expected)), .success):
                #expect(at.hasPrefix("$.") && (expected.hasPrefix("a key appears twice") || expected.hasPrefix("a number with a fraction")), "\(place): \(expected)")
            case (.failure(.invalid(_, let at, let expected)), .failure(let error)):
                // The same place, or the object that lacks the field JSONDecoder names (which names none for a fraction).
                let theirs = (error as? DecodingError).flatMap(SessionCodec.fieldProblem)?.at
                #expect(theirs.map { $0.hasPrefix(at) } ?? true || expected.hasPrefix("a key appears twice"), "\(place): \(at) \(expected) vs \(theirs ?? "-")")
                // In the records read by hand, also the line and column (header fields are named by JSONDecoder).
                let byHand = ["$.speakers", "$.annotations", "$.events"].contains { at.hasPrefix($0) }
                #expect(!byHand || expected.contains("(line "), "\(place): \(expected)")
            case (.failure(.notJSON), .failure), (.failure(.foreign), .failure): break
            default: Issue.record("\(place): \(mine) vs \(reference)")
            }
        }
    }

    @Test("Long strings that recur across records (documents, sentence hashes, annotators, forms), more of them than are shared at once, decode like JSONDecoder")
    func recurringStrings() throws {
        var file = Self.randomSession([3, 14, 15, 92]).file
        for index in 0..<3_000 {
            var anchor = TextAnchor(
                document: "", sentence: index % 9, segments: [SpanSegment(start: index % 20, end: index % 20 + 6)], text: "Peskow",
                before: "Kremlsprecher Dmitri ", after: " erklärte, die Zusammenarbeit", sentenceHash: "")
            // 1 100 documents and 900 hashes: several recur, far apart and next to each other, and
            // more differ than the decoder keeps at once; some share their first or last eight bytes.
            anchor.document = "Zeitungsartikel-\(index % 1_100)-aus-dem-Jahr-\(1990 + index % 7)"
            anchor.sentenceHash = String(format: "%016llx", UInt64(index % 900) &* 0x9E37_79B9_7F4A_7C15)
            if index % 5 == 0 { anchor.sentenceHash = "0123456789abcde" + String(index % 10) }
            if index % 11 == 0 { anchor.document = "ä-Dokument-" + String(repeating: "x", count: index % 30) }
            let claim = Claim(
                id: "C\(index + 500)", anchor: anchor, speaker: "S\(index % 40)",
                form: index % 3 == 0 ? "a form with a long name \(index % 4)" : "indirect",
                annotator: index % 2 == 0 ? "annotator number \(index % 13) of the team" : "anna")
            file.annotations.append(.claim(claim))
        }
        let data = Self.encoded(file)
        let fast = try #require(Self.fast(data))
        let reference = try JSONDecoder().decode(SessionFile.self, from: data)
        #expect(fast.annotations == reference.annotations)
        #expect(fast.annotations == file.annotations)
        #expect(Self.encoded(fast) == data)
    }

    @Test("Escapes, surrogate pairs and defaults decode like JSONDecoder", arguments: [
        #"{"type":"speaker","id":"S1","name":"A\u00e4\ud83d\ude00\"\\\/\b\f\n\r\t"}"#,
        #"{"type":"speaker","id":"S1","name":"x","kind":null,"aliases":null}"#,
        #"{"type":"claim","id":"C1","anchor":{"document":"d","sentence":0,"segments":[{"start":0,"end":1}],"text":"x"}}"#,
        #"{"type":"status","document":"d","sentence":-3,"status":"done","extra":[1,{"a":null},-0.5e+3,true]}"#,
        #"{"type":"note","id":"N1","subject":{"annotation":null,"document":"d","sentence":2},"text":"t","annotator":"a"}"#,
        #"{"\u0074ype":"target","id":"T1","text":"t","annotator":""}"#,
        #"{"type":"cue","id":"Q1","annotator":"a","anchor":{"document":"d","sentence":0,"segments":[{"start":0,"end":1}],"text":"x"},"origin":{"kind":"adjudicated","from":[{"session":"anna","id":"Q7","extra":1},{"id":"Q2","session":"bo"}]}}"#,
        #"{"type":"stance","id":"P1","speaker":"S1","target":"T1","label":"favor","evidence":[],"annotator":"a","origin":{"rule":"r\u00e4","kind":"suggested","from":null}}"#,
        #"{"type":"speaker","id":"S1","name":"x","origin":{"kind":"imported"}}"#,
        #"{"type":"claim","id":"C1","anchor":{"document":"d","sentence":0,"segments":[{"start":0,"end":1}],"text":"x"},"speakers":["S1","S2"],"mentions":["M1","M2"],"addressees":["M3"]}"#,
        #"{"type":"claim","id":"C2","anchor":{"document":"d","sentence":0,"segments":[{"start":0,"end":1}],"text":"x"},"speaker":"S1","mention":"M1","addressees":[]}"#,
        #"{"type":"note","id":"N1","subject":{"document":"d","sentence":2},"text":"t","annotator":"a","origin":{"kind":"imported"}}"#,
    ])
    func records(json: String) throws {
        let reference = try JSONDecoder().decode(Record.self, from: Data(json.utf8))
        let fast = try Array(json.utf8).withUnsafeBufferPointer { buffer in
            var decoder = SessionFileDecoder(buffer)
            return try decoder.record()
        }
        #expect(fast == reference)
    }

    @Test("Syntax errors name the line and column", arguments: [
        ("{\n  \"a\": [1, 2,]\n}", "line 2, column 14"),
        ("{\"a\": tru}", "line 1, column 10"),
        ("{\"a\": 01}", "line 1, column 8"),
        ("{\"a\": 1} x", "line 1, column 10"),
        ("{\"a\": [1, 2", "ends early"),
    ])
    func syntax(json: String, expected: String) {
        let bytes = Data(json.utf8)
        #expect {
            _ = try SessionCodec.decode(bytes, path: "mem")
        } throws: { error in
            guard let error = error as? SessionError, case .notJSON(_, let detail) = error else { return false }
            return detail.contains(expected)
        }
    }

    static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.range(of: needle, range: start..<text.endIndex) {
            result.append(range)
            start = range.upperBound
        }
        return result
    }

    static func caseName(_ error: SessionError) -> String {
        Mirror(reflecting: error).children.first?.label ?? "\(error)"
    }
}
