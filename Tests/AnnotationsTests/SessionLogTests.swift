import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// The log's lines are written and read by hand-written code for events (the hot records); both
/// must agree with the `Codable` definition.
@Suite("Session log lines")
struct SessionLogTests {
    static func logBytes(_ session: Session) throws -> [UInt8] {
        var copy = session
        copy.id = "test"
        return try SessionFileWriter.logBytes(header: LogHeader(session: copy), events: copy.events, cursor: copy.cursor)
    }

    @Test("Random logs read back the same through the event decoder and through Codable, line by line")
    func randomLogs() async {
        await propertyCheck(count: 80, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            var session = RandomSessions.session(codes)
            session.cursor = SentenceKey(document: "plain", sentence: 1)
            guard let bytes = try? Self.logBytes(session) else { Issue.record("not written"); return }
            let contents = try? SessionLogContents(Data(bytes), path: "mem")
            #expect(contents?.events == session.events)
            #expect(contents?.cursor == session.cursor)
            let lines = bytes.split(separator: 0x0A)
            #expect((try? JSONDecoder().decode(LogHeader.self, from: Data(lines[0])))?.session == "test")
            let viaCodable = lines.dropFirst().compactMap { try? JSONDecoder().decode(JournalEntry.self, from: Data($0)) }
            #expect(viaCodable.compactMap { if case .event(let event) = $0 { return event } else { return nil } } == session.events)
            #expect(viaCodable.count == lines.count - 1)
        }
    }

    static func longSession() throws -> Session {
        var session = RandomSessions.session((1...3000).map { $0 * 7919 % 100_000 })
        for _ in 0..<2_000 {
            try session.perform(.add(.note(Note(id: session.state.nextID("N"), subject: .sentence(SentenceKey(document: "plain", sentence: 0)), text: String(repeating: "Notiz „ä“ 😀 e\u{0301} \"\\ ", count: 40)))), time: "2026-11-21T10:00:00.000Z")
        }
        return session
    }

    @Test("A long log decoded in parts on both cores gives every event in order, whatever the part size")
    func parts() throws {
        let session = try Self.longSession()
        let bytes = try Self.logBytes(session)
        #expect(bytes.count >= 1 << 20)
        for partBytes in [1, 7, 100, 4_999, 100_001, SessionLogContents.partBytes] {
            let contents = try SessionLogContents(Data(bytes), path: "mem", partBytes: partBytes)
            #expect(contents.events == session.events, "parts of \(partBytes) bytes")
            #expect(contents.completeLength == bytes.count && contents.events(before: bytes.count) == session.events.count)
        }
    }

    @Test("A log's bytes replayed as its parts are decoded give the state, events and undo history the session had", arguments: [
        1_000, 100_001, SessionLogContents.partBytes,
    ])
    func replayedAsDecoded(partBytes: Int) throws {
        let session = try Self.longSession()
        let bytes = Data(try Self.logBytes(session))
        let (replayed, log) = try Session.replaying(logBytes: bytes, path: "mem", partBytes: partBytes)
        let afterwards = try Session.replaying(logBytes: bytes, path: "mem", partBytes: bytes.count).session
        #expect(replayed.state.hasSameRecords(as: afterwards.state))
        #expect(replayed.state.hasSameRecords(as: session.state))
        #expect(replayed.events == session.events)
        #expect(replayed.commandCount == afterwards.commandCount)
        #expect(log.events.count == session.events.count)
        // Undo after the replay takes back what it took back before.
        var both = (replayed, afterwards)
        try both.0.perform(.undo, time: "t")
        try both.1.perform(.undo, time: "t")
        #expect(both.0.state.hasSameRecords(as: both.1.state))
    }

    @Test("A damaged line in a late part of a long log is named by its line, before an event that does not apply in an earlier part", arguments: [
        1_000, 100_001, SessionLogContents.partBytes,
    ])
    func damagedLateLine(partBytes: Int) throws {
        let session = try Self.longSession()
        var lines = try Self.logBytes(session).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // An event that cannot apply in line 3 (its number repeated), a torn-looking line near the end.
        let third = String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: "\"seq\":2,", with: "\"seq\":1,")
        lines[2] = Array(third.utf8)
        let damaged = lines.count - 3
        lines[damaged] = Array("{\"event\":{\"action\":".utf8)
        let bytes = Data(lines.joined(separator: [0x0A]))
        #expect(bytes.count >= 1 << 20)
        #expect { try Session.replaying(logBytes: bytes, path: "x.jsonl", partBytes: partBytes) } throws: { error in
            guard case SessionError.journalDamaged(let path, let line, _) = error else { return false }
            return path == "x.jsonl" && line == damaged + 1
        }
        lines[damaged] = lines[damaged + 1]
        lines.remove(at: damaged + 1)
        let undamaged = Data(lines.joined(separator: [0x0A]))
        #expect { try Session.replaying(logBytes: undamaged, path: "x.jsonl", partBytes: partBytes) } throws: { error in
            guard case SessionError.badEvent(let path, let seq, _, _) = error else { return false }
            return path == "x.jsonl" && seq == 1
        }
    }

    @Test("The lines a second store keeps are byte for byte those the log file gets, for events, cursor, settings and corpus lines")
    func secondStoreLines() throws {
        var session = RandomSessions.session([3, 141, 5_926, 53_589])
        session.id = "lines"
        let path = TestCorpus.temporaryFolder() + "/lines.jsonl"
        let header = LogHeader(session: session)
        let headerLine = try SessionFileWriter.headerLine(header)
        try Data(headerLine).write(to: URL(fileURLWithPath: path))
        let log = try SessionLog(path: path, length: headerLine.count, events: 0)
        let entries: [JournalEntry] = session.events.map(JournalEntry.event) + [
            .cursor(SentenceKey(document: "plain „ä“ 😀", sentence: 2)), .settings(SessionSettings(suggest: false)), .corpus(session.corpus),
        ]
        for entry in entries { try log.append(entry) }
        log.close()
        let expected = String(decoding: try SessionFileWriter.headerLine(header) + entries.flatMap { try SessionFileWriter.line($0) }, as: UTF8.self)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        #expect(try SessionLogContents(Data(expected.utf8), path: path).events == session.events)
    }

    @Test("A log's contents do not keep the log's bytes alive once read (a large log is let go after decoding)")
    func contentsLetTheBytesGo() throws {
        let session = try Self.longSession()
        let bytes = try Self.logBytes(session)
        final class Flag: @unchecked Sendable { var raised = false }
        let released = Flag()
        var contents: SessionLogContents?
        do {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 1)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            let data = Data(bytesNoCopy: buffer, count: bytes.count, deallocator: .custom { pointer, _ in
                pointer.deallocate()
                released.raised = true
            })
            contents = try SessionLogContents(data, path: "mem")
        }
        #expect(released.raised, "the log's bytes are still held")
        #expect(contents?.events == session.events)
    }

    @Test("The digest is the same however the bytes are fed")
    func digestInPieces() {
        let bytes = [UInt8]((0..<1000).map { UInt8($0 % 251) })
        let whole = bytes.withUnsafeBytes { LogDigest.of($0) }
        for cut in [0, 1, 7, 8, 9, 500, 999, 1000] {
            var digest = LogDigest()
            bytes[..<cut].withUnsafeBytes { digest.update($0) }
            bytes[cut...].withUnsafeBytes { digest.update($0) }
            #expect(digest.hex == whole, "cut at \(cut)")
        }
        #expect(bytes.dropLast().withUnsafeBytes { LogDigest.of($0) } != whole)
    }

    @Test("A log whose first line is not a header is refused as foreign; a newer one as newer")
    func foreignLogs() {
        #expect { try SessionLogContents(Data("{\"event\":{}}\n".utf8), path: "x.jsonl") } throws: { "\($0)".contains("not a session log header") }
        #expect { try SessionLogContents(Data("{\"format\":\"brat\"}\n".utf8), path: "x.jsonl") } throws: { "\($0)".contains("x.jsonl") }
        #expect { try SessionLogContents(Data(), path: "x.jsonl") } throws: { "\($0)".contains("empty") }
    }
}
