import Foundation
import Testing
@testable import Annotations

@Suite struct FileKindTests {
    @Test("Each kind of path is told apart, through links, and named for a message")
    func kinds() throws {
        let folder = NSTemporaryDirectory() + "file-kind-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/file.txt"))
        #expect(mkfifo(folder + "/pipe", 0o600) == 0)
        #expect(symlink(folder + "/file.txt", folder + "/link") == 0)
        #expect(symlink(folder + "/gone", folder + "/dangling") == 0)
        #expect(symlink(folder + "/loop", folder + "/loop") == 0)
        #expect(FileKind(at: folder + "/file.txt") == .regular)
        #expect(FileKind(at: folder + "/link") == .regular)
        #expect(FileKind(at: folder) == .folder)
        #expect(FileKind(at: folder + "/pipe") == .pipe)
        #expect(FileKind(at: "/dev/null") == .device)
        #expect(FileKind(at: folder + "/missing") == .missing)
        #expect(FileKind(at: folder + "/file.txt/below") == .missing)
        #expect(FileKind(at: folder + "/dangling") == .danglingLink)
        #expect(FileKind(at: folder + "/loop") == .linkLoop)
        #expect(FileKind(at: folder + "/pipe").isSpecial && FileKind(at: "/dev/null").isSpecial && !FileKind(at: folder).isSpecial)
        #expect(FileKind(at: folder + "/pipe").notAFile == "it is a named pipe, not a file")
        #expect(FileKind(at: folder + "/file.txt").notAFile == nil)
        #expect(OutputFile.refusal(folder + "/pipe") == "it is a named pipe, not a file; it is never replaced")
        #expect(OutputFile.refusal("/dev/null") == "it is a device, not a file; it is never replaced")
        #expect(OutputFile.refusal(folder + "/dangling") == nil)
        #expect(ImportedFile.unreadableReason(folder + "/loop").contains("leads back to itself"))
        #expect(ImportedFile.unreadableReason(folder) == "it is a folder, not a file; name the files in it")
    }
}
