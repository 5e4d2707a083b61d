import Foundation
import Testing
@testable import Annotations

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
