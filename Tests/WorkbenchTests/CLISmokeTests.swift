import Foundation
import Testing

@Suite("CLI smoke")
struct CLISmokeTests {
    @Test("segment on a missing path fails with one clear line")
    func missingPath() async throws {
        let result = try await WorkbenchProcess.run(["segment", "no/such/folder"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no/such/folder: no such file or folder"))
    }
}
