@testable import Annotations
import Foundation
import Testing

@Suite("one sentence numbering for people")
struct SentenceNumberingTests {
    @Test("sentence keys read 1-based, as the REPL counts; JSON keeps the 0-based index")
    func oneBased() throws {
        let key = SentenceKey(document: "64683-swr", sentence: 9)
        #expect(key.description == "64683-swr#10")
        #expect(RecordKey.status(key).description == "status of 64683-swr#10")
        let json = String(decoding: try JSONEncoder().encode(key), as: UTF8.self)
        #expect(json.contains("\"sentence\":9"))
    }
}
