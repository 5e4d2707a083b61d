import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// `SessionVerifier.verify(_:path:)` verifies files the workbench wrote without decoding them into
/// a `SessionFile`; whatever it is given, its report must be the one the ordinary way
/// (decode, then `verify(_:)`) gives, and damaged or unusual files must take the ordinary way.
@Suite("Verifying a session file in place")
struct InPlaceVerificationTests {
    /// A session made of `codes` (see `EventLogPropertyTests.action(for:in:)`).
    static func session(_ codes: [Int]) -> Session {
        var session = Session(annotator: "prop", corpus: CorpusReference(EventLogPropertyTests.corpus), created: "2026-11-21T10:00:00.000Z")
        for (step, code) in codes.enumerated() {
            let action = EventLogPropertyTests.action(for: code, in: session.state)
            _ = try? session.perform(action, time: Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step))))
        }
        return session
    }

    /// A session with every kind of record and event, written as the workbench writes it.
    static let written: [UInt8] = {
        var made = session((1...400).map { $0 * 7919 % 100_000 })
        let time = "2026-11-21T11:00:00.000Z"
        _ = try? made.perform(.add(.mention(Mention(
            id: made.state.nextID("M"), anchor: made.state.mentions.values.first!.anchor, speaker: made.state.speakers.keys.first!,
            role: "Sprecher \u{201E}Nord\u{201C} \\ \"zitiert\" \u{1F600} e\u{301}"))), time: time)
        return [UInt8]((try? SessionCodec.encode(made.file)) ?? Data())
    }()

    /// The ordinary way's report.
    static func ordinary(_ bytes: [UInt8]) throws -> SessionVerifier.Report {
        SessionVerifier().verify(try SessionCodec.decode(Data(bytes), path: "mem"))
    }

    static func inPlace(_ bytes: [UInt8], splits: SessionVerifier.SplitPoints? = nil) -> SessionVerifier.Report? {
        bytes.withUnsafeBufferPointer { SessionVerifier.verifyInPlace($0, splits: splits) }
    }

    static func expectSame(_ report: SessionVerifier.Report?, _ expected: SessionVerifier.Report, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(report?.events == expected.events, sourceLocation: sourceLocation)
        #expect(report?.annotations == expected.annotations, sourceLocation: sourceLocation)
        #expect(report?.documents == expected.documents, sourceLocation: sourceLocation)
        #expect(report?.differences == expected.differences, sourceLocation: sourceLocation)
        #expect(report?.logProblem?.description == expected.logProblem?.description, sourceLocation: sourceLocation)
    }

    /// Offsets of the lines of `bytes` that start with `prefix`.
    static func lines(startingWith prefix: String, in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let needle = Array(prefix.utf8)
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if bytes[start..<end].starts(with: needle) { result.append(start..<end) }
            start = end + 1
        }
        return result
    }

    @Test("A file the workbench wrote is verified in place, with the ordinary way's report")
    func writtenFile() throws {
        let expected = try Self.ordinary(Self.written)
        #expect(expected.isValid)
        #expect(expected.events > 300)
        let report = Self.inPlace(Self.written)
        #expect(report != nil)
        Self.expectSame(report, expected)
        Self.expectSame(try SessionVerifier().verify(Data(Self.written), path: "mem"), expected)
    }

    @Test("Wherever the second thread starts reading, the report is the ordinary way's or the ordinary way is taken")
    func anySplit() async throws {
        let bytes = Self.written
        let expected = try Self.ordinary(bytes)
        let events = Self.lines(startingWith: "    {\"action\"", in: bytes).map { $0.lowerBound + 4 }
        let annotations = Self.lines(startingWith: "    {\"anchor\"", in: bytes).map { $0.lowerBound + 4 }
        // Real element starts: the split is used and the result is the same.
        for (eventStart, annotationStart) in zip(events.shuffled().prefix(20), annotations.shuffled().prefix(20)) {
            let report = Self.inPlace(bytes, splits: .init(eventTail: eventStart, annotationTail: annotationStart))
            #expect(report != nil)
            Self.expectSame(report, expected)
        }
        // Any offset at all: the same result or nil, never a different report.
        await propertyCheck(count: 150, input: Gen.int(in: 0...(bytes.count - 1)).array(of: 2...2)) { offsets in
            if let report = Self.inPlace(bytes, splits: .init(eventTail: offsets[0], annotationTail: offsets[1])) {
                Self.expectSame(report, expected)
            }
        }
    }

    @Test("Random sessions: verified in place with the ordinary way's report")
    func randomSessions() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            let bytes = [UInt8]((try? SessionCodec.encode(Self.session(codes).file)) ?? Data())
            guard let expected = try? Self.ordinary(bytes) else {
                Issue.record("the written session does not decode")
                return
            }
            let report = Self.inPlace(bytes)
            #expect(report != nil)
            Self.expectSame(report, expected)
        }
    }

    /// `bytes` with the line at `range` replaced by `line`.
    static func replacing(_ range: Range<Int>, in bytes: [UInt8], with line: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.replaceSubrange(range, with: line)
        return copy
    }

    @Test("Damaged and unusual files take the ordinary way and get its report")
    func damagedFiles() throws {
        let bytes = Self.written
        let annotations = Self.lines(startingWith: "    {\"anchor\"", in: bytes)
        let events = Self.lines(startingWith: "    {\"action\"", in: bytes)
        let speakers = Self.lines(startingWith: "    {\"aliases\"", in: bytes)
        func line(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var damaged: [(String, [UInt8])] = []
        // A changed offset in a stored annotation.
        let first = line(annotations[0])
        if let range = first.range(of: "\"start\":") {
            let changed = first.replacingCharacters(in: range, with: "\"start\":1")
            damaged.append(("changed offset", Self.replacing(annotations[0], in: bytes, with: Array(changed.utf8))))
        }
        // One stored annotation twice, another missing.
        damaged.append(("duplicate annotation", Self.replacing(annotations[1], in: bytes, with: Array(line(annotations[0]).utf8))))
        // One speaker twice, another missing.
        damaged.append(("duplicate speaker", Self.replacing(speakers[1], in: bytes, with: Array(line(speakers[0]).utf8))))
        // A removed event (the line and its comma).
        var removed = bytes
        removed.removeSubrange(events[5].lowerBound..<(events[5].upperBound + 1))
        damaged.append(("removed event", removed))
        // Two events swapped.
        var swapped = bytes
        let a = line(events[3]), b = line(events[4])
        swapped.replaceSubrange(events[4], with: Array(a.utf8))
        swapped.replaceSubrange(events[3], with: Array(b.utf8))
        damaged.append(("reordered events", swapped))
        // Invalid UTF-8 inside a stored annotation's text.
        var invalid = bytes
        if let quote = line(annotations[2]).range(of: "\"text\":\"") {
            invalid[annotations[2].lowerBound + line(annotations[2]).utf8.distance(from: line(annotations[2]).startIndex, to: quote.upperBound)] = 0xFF
        }
        damaged.append(("invalid UTF-8", invalid))
        // Laid out differently (one line) but intact: still valid, the ordinary way.
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(bytes)), options: [.sortedKeys])
        damaged.append(("one line", [UInt8](compact)))

        for (name, file) in damaged {
            #expect(Self.inPlace(file) == nil, "\(name): verified in place")
            let report: SessionVerifier.Report
            do {
                report = try SessionVerifier().verify(Data(file), path: "mem")
            } catch {
                #expect(throws: SessionError.self, "\(name)") { try Self.ordinary(file) }
                continue
            }
            Self.expectSame(report, try Self.ordinary(file))
            #expect(report.isValid == (name == "one line"), "\(name)")
        }
    }
}

@Suite("Compact record encoder")
struct CompactRecordEncoderTests {
    /// Mentions, cues and claims with every optional field set and unset, unusual text, several segments.
    static var records: [Record] {
        let anchor = TextAnchor(
            document: "doc-ä", sentence: 12, segments: [SpanSegment(start: 0, end: 5), SpanSegment(start: 9, end: 120_345)],
            text: "„Wir“ … 😀 e\u{301}", before: "vor/her «x»", after: "", sentenceHash: "0123456789abcdef", orphaned: true)
        var plain = anchor
        plain.orphaned = false
        plain.segments = [SpanSegment(start: 7, end: 8)]
        return [
            .mention(Mention(id: "M1", anchor: anchor, speaker: "S1", role: "UN-Botschafter", annotator: "anna", sources: ["a", "b"])),
            .mention(Mention(id: "M22", anchor: plain, speaker: "S2")),
            .cue(Cue(id: "Q3", anchor: plain, annotator: "bo", sources: [])),
            .cue(Cue(id: "Q4", anchor: anchor)),
            .claim(Claim(id: "C5", anchor: anchor, speaker: "S1", mention: "M1", cue: "Q3", form: "direct", negated: true, hedged: true,
                         annotator: "anna", sources: ["x"])),
            .claim(Claim(id: "C6", anchor: plain)),
        ]
    }

    @Test("Writes exactly what the session writer writes")
    func sameBytesAsTheSessionWriter() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        for record in Self.records {
            var compact = CompactRecordEncoder(CompactRecordBytes())
            let encoded = compact.encode(record)
            #expect(encoded, "\(record.key)")
            #expect(String(decoding: compact.sink.bytes, as: UTF8.self) == String(decoding: try encoder.encode(record), as: UTF8.self))
        }
    }

    @Test("Escapes strings as the session writer does, and refuses records that are not mentions, cues or claims")
    func escapesAndRefusals() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var controls = ""
        for scalar in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        for text in ["a\"b", "a\\b", "a\nb", "a\u{7F}b", controls, "\u{2028}\u{2029}\u{FEFF}/", "\"\""] {
            let anchor = TextAnchor(
                document: "d", sentence: 0, segments: [SpanSegment(start: 0, end: 1)], text: text, before: text, after: "", sentenceHash: "")
            let record = Record.cue(Cue(id: "Q1", anchor: anchor))
            var compact = CompactRecordEncoder(CompactRecordBytes())
            let encoded = compact.encode(record)
            #expect(encoded)
            #expect(compact.sink.bytes == [UInt8](try encoder.encode(record)), "\(text.debugDescription)")
        }
        var compact = CompactRecordEncoder(CompactRecordBytes())
        let speaker = compact.encode(.speaker(Speaker(id: "S1", name: "Kim")))
        #expect(!speaker)
    }

    @Test("The stored annotations of a written session are compared without decoding")
    func storedAnnotationsMatch() throws {
        let file = try SessionCodec.decode(Data(InPlaceVerificationTests.written), path: "mem")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        var matched = 0
        for record in file.annotations {
            var compact = CompactRecordEncoder(CompactRecordBytes())
            let encoded = compact.encode(record)
            if encoded {
                #expect(compact.sink.bytes == [UInt8](try encoder.encode(record)))
                matched += 1
            }
        }
        #expect(matched == file.annotations.count)
    }
}

@Suite("Stored annotation check")
struct StoredAnnotationCheckTests {
    /// Compares the annotation list of `bytes` with the state its log gives, in two parts when `tailStart` is given.
    static func check(_ bytes: [UInt8], tailStart: ((Int) -> Int?)? = nil) throws -> StoredAnnotationCheck.Tally? {
        let file = try SessionCodec.decode(Data(bytes), path: "mem")
        let state = try AnnotationState.replaying(file.events, schema: file.schema)
        return bytes.withUnsafeBufferPointer { buffer -> StoredAnnotationCheck.Tally? in
            let listStart = Array(bytes).firstRange(of: Array("\"annotations\": ".utf8))!.upperBound
            let tail = tailStart?(listStart)
            let check = StoredAnnotationCheck(state: state, tailStart: tail)
            check.compareTail(in: buffer)  // before the first part: it is then ready when that arrives there
            var decoder = SessionFileDecoder(buffer, at: listStart)
            try? check.compareList(&decoder)
            return check.result
        }
    }

    @Test("A written session's annotations are all found byte for byte, in one part or two")
    func identical() throws {
        let bytes = InPlaceVerificationTests.written
        let whole = try #require(try Self.check(bytes))
        #expect(whole.agrees)
        #expect(whole.count > 50)
        #expect(whole.identical == whole.count)
        let lines = InPlaceVerificationTests.lines(startingWith: "    {\"anchor\"", in: bytes)
        let split = try #require(try Self.check(bytes) { _ in lines[lines.count / 2].lowerBound + 4 })
        #expect(split.agrees)
        #expect(split.count == whole.count)
        #expect(split.identical == whole.count)
    }
}

@Suite("Reading a session from its bytes")
struct SessionFromDataTests {
    /// A session with `count` cues on the test corpus (about 400 bytes of stored annotation each).
    static func session(cues count: Int) throws -> Session {
        let builder = AnchorBuilder(corpus: TestCorpus.corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        let anchor = try builder.anchor(document: "tricky", sentence: 0, segments: [TestCorpus.segment("sagte")])
        for index in 1...count {
            try session.perform(.add(.cue(Cue(id: "Q\(index)", anchor: anchor))), time: "2026-11-21T10:00:00.000Z")
            if index % 7 == 0 { try session.perform(.undo, time: "2026-11-21T10:00:01.000Z") }
        }
        return session
    }

    static func expectSame(_ read: Session, _ expected: Session, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read.state.hasSameRecords(as: expected.state), sourceLocation: sourceLocation)
        #expect(read.events == expected.events, sourceLocation: sourceLocation)
        #expect((try? SessionCodec.encode(read.file)) == (try? SessionCodec.encode(expected.file)), sourceLocation: sourceLocation)
    }

    @Test("Written sessions read from their bytes are the ones the ordinary way gives, short lists and long")
    func writtenSessions() throws {
        for session in [try Self.session(cues: 20), try Self.session(cues: 4_000)] {
            let bytes = try SessionCodec.encode(session.file)
            let fast = bytes.withUnsafeBytes { Session.readInPlace($0.bindMemory(to: UInt8.self), path: "mem") }
            let readInPlace = fast != nil
            #expect(readInPlace)
            if let fast { Self.expectSame(fast, session) }
            Self.expectSame(try Session(data: bytes, path: "mem"), try Session(file: SessionCodec.decode(bytes, path: "mem"), path: "mem"))
        }
        #expect(try SessionCodec.encode(Self.session(cues: 4_000).file).count > Session.twoPartComparisonSize)
    }

    @Test("Random sessions read from their bytes are the ones the ordinary way gives")
    func randomSessions() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...100_000).array(of: 0...60)) { codes in
            let session = InPlaceVerificationTests.session(codes)
            guard let bytes = try? SessionCodec.encode(session.file), let read = try? Session(data: bytes, path: "mem") else {
                Issue.record("the written session does not read back")
                return
            }
            Self.expectSame(read, session)
        }
    }

    @Test("A stored annotation that differs from the log gets the ordinary way's error")
    func damaged() throws {
        let bytes = [UInt8](try SessionCodec.encode(Self.session(cues: 4_000).file))
        var text = String(decoding: bytes, as: UTF8.self)
        let range = try #require(text.range(of: "\"id\":\"Q2000\""))
        text.replaceSubrange(range, with: "\"id\":\"Q1999\"")
        let damaged = Data(text.utf8)
        let readInPlace = damaged.withUnsafeBytes { Session.readInPlace($0.bindMemory(to: UInt8.self), path: "mem") } != nil
        #expect(!readInPlace)
        var fastError: SessionError?, ordinaryError: SessionError?
        do { _ = try Session(data: damaged, path: "mem") } catch { fastError = error }
        do { _ = try Session(file: SessionCodec.decode(damaged, path: "mem"), path: "mem") } catch { ordinaryError = error }
        #expect(fastError != nil)
        #expect(fastError?.description == ordinaryError?.description)
    }
}

@Suite("Recorded corpus")
struct RecordedCorpusTests {
    @Test("The corpus is read from a written file, a file laid out otherwise, and nothing from bytes that are not a session")
    func recordedCorpus() throws {
        let bytes = Data(InPlaceVerificationTests.written)
        let expected = try SessionCodec.decode(bytes, path: "mem").corpus
        #expect(SessionCodec.recordedCorpus(in: bytes) == expected)
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: bytes), options: [.sortedKeys])
        #expect(SessionCodec.recordedCorpus(in: compact) == expected)
        #expect(SessionCodec.recordedCorpus(in: Data("[1, 2]".utf8)) == nil)
        #expect(SessionCodec.recordedCorpus(in: Data("{\"format\": \"x\"}".utf8)) == nil)
        #expect(SessionCodec.recordedCorpus(in: Data()) == nil)
    }
}
