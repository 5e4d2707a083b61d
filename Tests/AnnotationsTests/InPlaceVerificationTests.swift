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

    @Test("Randomly damaged bytes: verifying and opening give the ordinary way's result, never a crash")
    func randomDamage() async {
        let bytes = Self.written
        await propertyCheck(count: 200, input: Gen.int(in: 0...(bytes.count - 1)).array(of: 1...3)) { positions in
            var damaged = bytes
            for (number, position) in positions.enumerated() {
                // Flip a byte into something JSON cares about, or cut the file short.
                let replacements: [UInt8] = [0x22, 0x5C, 0x7D, 0x5D, 0x2C, 0x0A, 0x31, 0xFF]
                if number == 2 { damaged = Array(damaged.prefix(position)); continue }
                if position < damaged.count { damaged[position] = replacements[position % replacements.count] }
            }
            let data = Data(damaged)
            let ordinary = Result { try SessionVerifier().verify(SessionCodec.decode(data, path: "mem")) }
            let fast = Result { try SessionVerifier().verify(data, path: "mem") }
            switch (ordinary, fast) {
            case (.success(let expected), .success(let report)): Self.expectSame(report, expected)
            case (.failure(let expected), .failure(let error)): #expect("\(error)" == "\(expected)")
            default: Issue.record("one way failed, the other did not")
            }
            let opened = Result { try Session(data: data, path: "mem") }
            let openedOrdinary = Result { try Session(file: SessionCodec.decode(data, path: "mem"), path: "mem") }
            switch (openedOrdinary, opened) {
            case (.success, .success): break
            case (.failure(let expected), .failure(let error)): #expect("\(error)" == "\(expected)")
            default: Issue.record("opening: one way failed, the other did not")
            }
        }
    }
}
