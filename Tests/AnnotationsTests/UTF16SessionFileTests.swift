import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A snapshot or log saved as UTF-16 (a Windows editor's "Unicode") is named as UTF-16, naming the
/// file, and left as it is: a UTF-16 log was read in part (a decoder that guesses the encoding line by
/// line took most lines) and refused at some later line as "invalid UTF-8 at column 584".
@Suite("session files saved as UTF-16")
struct UTF16SessionFileTests {
    /// A saved session of two speakers, one named with a character whose UTF-16 holds a line-break byte (U+010A).
    func savedSession() throws -> String {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try SessionStore(path: path, now: "n", writer: FileWriting()) {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(.add(.speaker(Speaker(id: "S1", name: "Müller"))), time: "t1")
        try store.perform(.add(.speaker(Speaker(id: "S2", name: "Ċ"))), time: "t2")
        try store.close()
        return path
    }

    static let encodings: [(String, String.Encoding, Bool)] = [
        ("LE with byte-order mark", .utf16LittleEndian, true), ("BE with byte-order mark", .utf16BigEndian, true),
        ("LE without byte-order mark", .utf16LittleEndian, false), ("BE without byte-order mark", .utf16BigEndian, false),
    ]

    func resave(_ path: String, as encoding: String.Encoding, mark: Bool) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var bytes = try #require(text.data(using: encoding))
        if mark { bytes.insert(contentsOf: encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF], at: 0) }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    @Test("a UTF-16 log is refused as UTF-16, by readers and by opening; nothing is changed", arguments: 0..<4)
    func log(_ index: Int) throws {
        let (_, encoding, mark) = Self.encodings[index]
        let path = try savedSession()
        let log = SessionPaths(path).log
        try resave(log, as: encoding, mark: mark)
        let before = try #require(FileManager.default.contents(atPath: log)), snapshot = FileManager.default.contents(atPath: path)
        for read in [{ _ = try SessionStore.read(path: path) }, { _ = try SessionVerifier().verify(path: path) }, { _ = try SessionStore.load(path: path) }] {
            #expect {
                try read()
            } throws: { error in
                "\(error)".hasPrefix("\(log): not valid JSON (the file is UTF-16") && "\(error)".contains("save it as UTF-8")
            }
        }
        #expect(throws: SessionError.self) {
            _ = try SessionStore(path: path, now: "n", writer: FileWriting()) { Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "x") }
        }
        #expect(FileManager.default.contents(atPath: log) == before)
        #expect(FileManager.default.contents(atPath: path) == snapshot)
    }

    @Test("a UTF-16 snapshot is named as UTF-16 by readers", arguments: 0..<4)
    func snapshot(_ index: Int) throws {
        let (_, encoding, mark) = Self.encodings[index]
        let path = try savedSession()
        try resave(path, as: encoding, mark: mark)
        #expect {
            _ = try SessionStore.read(path: path)
        } throws: { error in
            "\(error)".hasPrefix("\(path): not valid JSON (the file is UTF-16") && "\(error)".contains("save it as UTF-8")
        }
    }

    @Test("a UTF-32 snapshot or log is named as UTF-32, not as UTF-16", arguments: [true, false])
    func utf32(_ mark: Bool) throws {
        for log in [false, true] {
            let path = try savedSession()
            let file = log ? SessionPaths(path).log : path
            try resave(file, as: .utf32LittleEndian, mark: false)
            if mark { try (Data([0xFF, 0xFE, 0x00, 0x00]) + Data(contentsOf: URL(fileURLWithPath: file))).write(to: URL(fileURLWithPath: file)) }
            #expect {
                _ = try SessionStore.read(path: path)
            } throws: { error in
                "\(error)".hasPrefix("\(file): not valid JSON (the file is UTF-32") && "\(error)".contains("save it as UTF-8")
            }
        }
    }

    @Test("a log that is a symbolic link to itself or to nothing is named as such, not as missing")
    func logLinkLeadingNowhere() throws {
        let path = try savedSession()
        let log = SessionPaths(path).log
        try FileManager.default.removeItem(atPath: log)
        try FileManager.default.createSymbolicLink(atPath: log, withDestinationPath: "a.jsonl")
        #expect {
            _ = try SessionStore.read(path: path)
        } throws: { error in
            "\(error)".contains("\(log): too many levels of symbolic links") && !"\(error)".contains("is missing")
        }
        try FileManager.default.removeItem(atPath: log)
        try FileManager.default.createSymbolicLink(atPath: log, withDestinationPath: "gone.jsonl")
        #expect {
            _ = try SessionStore.read(path: path)
        } throws: { error in
            "\(error)".contains("\(log): a symbolic link to a file that does not exist")
        }
    }
}
