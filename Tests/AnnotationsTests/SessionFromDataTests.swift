import Foundation
import PropertyBased
import Testing
@testable import Annotations

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

    /// `Session(data:path:)` on `data` fails, with the error the ordinary way gives.
    static func expectOrdinaryError(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        var fastError: SessionError?, ordinaryError: SessionError?
        do { _ = try Session(data: data, path: "mem") } catch { fastError = error }
        do { _ = try Session(file: SessionCodec.decode(data, path: "mem"), path: "mem") } catch { ordinaryError = error }
        #expect(fastError != nil, sourceLocation: sourceLocation)
        #expect(fastError?.description == ordinaryError?.description, sourceLocation: sourceLocation)
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
        Self.expectOrdinaryError(damaged)
    }

    @Test("With the log decoded in two halves and the first replayed early, the session is the same")
    func earlyReplay() throws {
        let session = try Self.session(cues: 4_000)
        let bytes = try SessionCodec.encode(session.file)
        let read = bytes.withUnsafeBytes { Session.readInPlace($0.bindMemory(to: UInt8.self), path: "mem", minimumSplitSize: 1) }
        let readInPlace = read != nil
        #expect(readInPlace)
        if let read { Self.expectSame(read, session) }
        // An event that cannot apply in the first half: the ordinary way's error.
        var text = String(decoding: bytes, as: UTF8.self)
        let events = try #require(text.range(of: "\"events\": ["))
        let range = try #require(text.range(of: "\"id\":\"Q5\"", range: events.upperBound..<text.endIndex))
        text.replaceSubrange(range, with: "\"id\":\"Q4\"")
        let damaged = Data(text.utf8)
        let damagedInPlace = damaged.withUnsafeBytes { Session.readInPlace($0.bindMemory(to: UInt8.self), path: "mem", minimumSplitSize: 1) } != nil
        #expect(!damagedInPlace)
        Self.expectOrdinaryError(damaged)
    }
}
