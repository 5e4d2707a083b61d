import Testing
@testable import Annotations

/// Numbers in a span address longer than any sentence reaches (`sagte#99999999999999999999`,
/// `1-99999999999999999999`, `all..+99999999999999999999`).
@Suite("Span addresses with numbers past every sentence")
struct SpanAddressLargeNumberTests {
    @Test("A number of more than nine digits is named as too large (it was cut after nine digits and the rest refused as \"unexpected '99999999999'; join parts with commas\")")
    func tooLarge() {
        let huge = "99999999999999999999"
        for text in ["sagte#\(huge)", "1-\(huge)", "\(huge)-1", "\(huge)", "all..+\(huge)", "4-+\(huge):5", "4-+1:\(huge)", "\"sagte\"#\(huge)", "/s/#\(huge)"] {
            let error = #expect(throws: SpanAddressError.self) { try SpanAddress.parse(text) }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("the number \(huge) is too large"), "\(text): \(message)")
            #expect(!message.contains("unexpected"), "\(text): \(message)")
        }
        // A page of digits is echoed cut.
        let page = String(repeating: "9", count: 3000)
        let error = #expect(throws: SpanAddressError.self) { try SpanAddress.parse("sagte#" + page) }
        #expect(("\(error.map { "\($0)" } ?? "")").count < 1000)
    }

    @Test("Nine digits and leading zeros are still numbers")
    func nineDigitsRead() throws {
        #expect(try SpanAddress.parse("sagte#000000000002").parts == [.text("sagte", occurrence: 2)])
        #expect(try SpanAddress.parse("4-999999999").parts == [.tokens(from: 4, through: 999_999_999, sentenceOffset: 0)])
    }
}
