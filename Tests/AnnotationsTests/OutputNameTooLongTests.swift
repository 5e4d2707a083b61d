import Foundation
import Testing
import TestSupport
@testable import Annotations

/// An output name the file system cannot look at (`replay --out` of 300 letters: too long for a
/// file name) is refused for that reason, not as "not a regular file" (nothing was there).
@Suite("Output paths that cannot be looked at")
struct OutputNameTooLongTests {
    @Test("a file name too long is named as such")
    func nameTooLong() {
        let path = TestScratch.root + "/" + String(repeating: "a", count: 300) + ".json"
        #expect(OutputFile.refusal(path) == "it cannot be looked at: File name too long")
    }

    @Test("a device or a pipe is still never replaced; nothing there is no refusal")
    func othersAsBefore() {
        #expect(OutputFile.refusal("/dev/null") == "it is a device, not a file; it is never replaced")
        #expect(OutputFile.refusal(TestScratch.path("missing-")) == nil)
    }
}
