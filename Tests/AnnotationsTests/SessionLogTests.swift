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

    @Test("A long log decoded in two halves at once gives every event in order")
    func twoHalves() throws {
        var session = RandomSessions.session((1...3000).map { $0 * 7919 % 100_000 })
        for _ in 0..<2_000 {
            try session.perform(.add(.note(Note(id: session.state.nextID("N"), subject: .sentence(SentenceKey(document: "plain", sentence: 0)), text: String(repeating: "Notiz „ä“ 😀 ", count: 40)))), time: "2026-11-21T10:00:00.000Z")
        }
        let bytes = try Self.logBytes(session)
        #expect(bytes.count >= SessionLogContents.parallelSize)
        let contents = try SessionLogContents(Data(bytes), path: "mem")
        #expect(contents.events == session.events)
        #expect(contents.eventEnds.count == session.events.count)
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
