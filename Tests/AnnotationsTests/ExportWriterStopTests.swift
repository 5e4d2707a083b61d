import Foundation
import Testing

@testable import Annotations

@Suite("Export writer stop")
struct ExportWriterStopTests {
    @Test("a stopped export puts no file in place and leaves no staging folder")
    func stoppedBeforePublishing() throws {
        let folder = NSTemporaryDirectory() + "export-stop-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var writer = ExportWriter(folder: folder)
        writer.isStopped = { true }
        let files = [ExportFile(path: "anna/a.txt", contents: "Müller sagte „nein“."), ExportFile(path: "b.txt", contents: "x")]
        #expect(throws: ExportError.self) { try writer.write(files) }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
        writer.isStopped = { false }
        #expect(try writer.write(files) == 2)
        #expect(FileManager.default.fileExists(atPath: folder + "/anna/a.txt"))
    }
}
