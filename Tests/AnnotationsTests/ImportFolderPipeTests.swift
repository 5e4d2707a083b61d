import Foundation
import Testing
import TestSupport

@testable import Annotations

/// A named pipe put among the files of a folder to import (a WebAnno `.tsv`, a brat side table such
/// as `notes.tsv`) is named as such, never waited on nor read as an empty file.
@Suite("Named pipes in folders to import")
struct ImportFolderPipeTests {
    static let reason = "not a regular file (a pipe, socket or device); save what it holds to a file and import that"

    static func export(_ format: ExportFormat) throws -> String {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestScratch.path("import-pipe-\(format.rawValue)-")
        _ = try ExportWriter(folder: folder).write(format.exporter.export(bundle))
        return folder
    }

    static func pipe(at path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
    }

    @Test("a pipe named .tsv among WebAnno files is named as a pipe, also one named after no document (it was \"not WebAnno TSV 3 (the first line should be …)\")")
    func webAnno() throws {
        let folder = try Self.export(.webanno)
        let tsv = try #require(FileManager.default.subpaths(atPath: folder)?.first { $0.hasSuffix("tricky.tsv") })
        let files = folder + "/" + (tsv as NSString).deletingLastPathComponent
        try Self.pipe(at: files + "/plain.tsv")
        try Self.pipe(at: files + "/zzz.tsv")
        let error = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try WebAnnoImporter().load(paths: [files], corpus: ExportFixture.corpus, annotator: nil, time: "2026-11-21T11:00:00.000Z")
        }
        #expect(error?.description.contains("\(files)/plain.tsv: \(Self.reason)") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\(files)/zzz.tsv: \(Self.reason)") == true, "\(String(describing: error))")
    }

    @Test("a brat side table that is a pipe is named (its notes were left out without a word)")
    func bratSideTable() throws {
        let folder = try Self.export(.brat)
        let ann = try #require(FileManager.default.subpaths(atPath: folder)?.first { $0.hasSuffix("tricky.ann") })
        let files = folder + "/" + (ann as NSString).deletingLastPathComponent
        try Self.pipe(at: files + "/notes.tsv")
        let error = BadInputCatalogueTests.error { () throws(ExportError) in
            _ = try BratImporter().load(folder: files, corpus: ExportFixture.corpus, annotator: nil, time: "2026-11-21T11:00:00.000Z")
        }
        #expect(error?.description.contains("\(files)/notes.tsv: \(Self.reason)") == true, "\(String(describing: error))")
    }
}
