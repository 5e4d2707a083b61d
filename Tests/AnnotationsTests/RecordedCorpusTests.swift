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
}
