import Foundation
import Testing
@testable import Annotations

@Suite("Recorded corpus")
struct RecordedCorpusTests {
    @Test("The corpus is read from a written file, a file laid out otherwise, and nothing from bytes that are not a session")
    func recordedCorpus() throws {
        let bytes = Data(RandomSessions.written)
        let expected = try SessionCodec.decode(bytes, path: "mem").corpus
        #expect(SessionCodec.recordedCorpus(in: bytes) == expected)
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: bytes), options: [.sortedKeys])
        #expect(SessionCodec.recordedCorpus(in: compact) == expected)
        #expect(SessionCodec.recordedCorpus(in: Data("[1, 2]".utf8)) == nil)
        #expect(SessionCodec.recordedCorpus(in: Data("{\"format\": \"x\"}".utf8)) == nil)
        #expect(SessionCodec.recordedCorpus(in: Data()) == nil)
    }

    @Test("The reading stops after the corpus: a snapshot cut off inside its records still names its corpus")
    func stopsAfterTheCorpus() throws {
        let bytes = Data(RandomSessions.written)
        let expected = try SessionCodec.decode(bytes, path: "mem").corpus
        let text = String(decoding: bytes, as: UTF8.self)
        let records = try #require(text.range(of: "\"annotations\""))
        let cut = Data(text[..<records.upperBound].utf8) + Data(":[{\"id\":".utf8)
        #expect(SessionCodec.recordedCorpus(in: cut) == expected)
    }
}
