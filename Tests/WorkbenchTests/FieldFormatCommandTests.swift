import Annotations
import Foundation
import Testing

/// `import spkatt`/`labelstudio`/`webanno` and `export --format spkatt`/`labelstudio` end to end:
/// the session and its corpus written, export → import → export identical, refusals writing nothing.
@Suite("Field formats on the command line")
struct FieldFormatCommandTests {
    static let document = #"""
        {"Annotations": [{"Addr": [], "Cue": ["0:2"], "Form": "Direct", "Frame": [], "HasNested": false, "IsNested": false,
          "Message": ["0:4", "0:5", "0:6"], "STWR": "Speech", "Source": ["0:0", "0:1"]}],
         "DocumentName": "Zoë 👍🏽", "Sentences": [{"SentenceId": 0, "Tokens": ["Zoë", "Müller", "sagte", ":", "„", "Ja", "“"]},
          {"SentenceId": 1, "Tokens": ["n̈", "."]}]}
        """#

    static func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("spkatt"), withIntermediateDirectories: true)
        try Data(document.utf8).write(to: folder.appendingPathComponent("spkatt/d 1.json"))
        return folder
    }

    @Test("import spkatt writes the session and its pre-tokenized corpus; export --format spkatt gives the file back; labelstudio and webanno round trips")
    func roundTrips() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        var result = try await WorkbenchProcess.run(["import", "spkatt", "spkatt", "--session", "s"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote the corpus (1 pre-tokenized documents) to sessions/s.corpus.jsonl"), "\(result.stdout)")
        #expect(result.stdout.contains("1 speaker mentions, 1 cues, 1 claims"), "\(result.stdout)")
        result = try await WorkbenchProcess.run(["validate", "sessions/s.json"], directory: folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        result = try await WorkbenchProcess.run(["export", "sessions/s.json", "--format", "spkatt", "--out", "out"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let exported = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/s/d 1.json"))) as? NSDictionary
        let original = try JSONSerialization.jsonObject(with: Data(Self.document.utf8)) as? NSDictionary
        #expect(exported == original)

        for (format, importer, input) in [("labelstudio", "labelstudio", "ls/tasks.json"), ("webanno", "webanno", "webanno/s")] {
            let out = format == "labelstudio" ? "ls" : "webanno"
            result = try await WorkbenchProcess.run(["export", "sessions/s.json", "--format", format, "--out", out], directory: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            result = try await WorkbenchProcess.run(
                ["import", importer, input, "--corpus", "sessions/s.corpus.jsonl", "--session", "from-\(format)"], directory: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            result = try await WorkbenchProcess.run(["export", "sessions/from-\(format).json", "--format", format, "--out", out + "2"], directory: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let tasks = try String(contentsOf: folder.appendingPathComponent("ls/tasks.json"), encoding: .utf8)
        let again = try String(contentsOf: folder.appendingPathComponent("ls2/tasks.json"), encoding: .utf8)
        #expect(tasks.replacingOccurrences(of: "\"s\"", with: "\"from-labelstudio\"") == again)
        let tsv = try String(contentsOf: folder.appendingPathComponent("webanno/s/d 1.tsv"), encoding: .utf8)
        #expect(try String(contentsOf: folder.appendingPathComponent("webanno2/from-webanno/d 1.tsv"), encoding: .utf8) == tsv)
    }

    @Test("a bad SpkAtt file: a message naming the file and place, no session and no corpus written")
    func refusal() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.document.replacingOccurrences(of: "\"0:6\"", with: "\"0:60\"").utf8).write(to: folder.appendingPathComponent("spkatt/d 1.json"))
        let result = try await WorkbenchProcess.run(["import", "spkatt", "spkatt", "--session", "s"], directory: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("spkatt/d 1.json: Annotations[0].Message[2]: '0:60' names token 60; sentence 0 has tokens 0–6"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/s.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/s.corpus.jsonl").path))
    }

    @Test("import spkatt --corpus-out naming a device, a named pipe or a folder is refused; the device and the pipe stay; nothing is written")
    func corpusOutNeverReplacesADevice() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        var targets: [(path: String, reason: String, type: mode_t)] = [(pipe, "it is a named pipe, not a file; it is never replaced", S_IFIFO)]
        // A device node of its own (a copy of /dev/null's numbers) where the system lets us make one.
        let device = folder.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { targets.append((device, "it is a device, not a file; it is never replaced", S_IFCHR)) }
        targets.append((folder.appendingPathComponent("spkatt").path, "it is a folder, not a file", S_IFDIR))
        for target in targets {
            let result = try await WorkbenchProcess.run(
                ["import", "spkatt", "spkatt", "--session", "s", "--corpus-out", target.path], directory: folder, timeout: 30)
            // Before: "wrote the corpus … to …": the device or pipe renamed away and a regular file put in its place.
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("\(target.path): \(target.reason); choose a file with --corpus-out"), "\(result.stderr)")
            var info = stat()
            #expect(lstat(target.path, &info) == 0 && info.st_mode & S_IFMT == target.type, "\(target.path) was replaced")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/s.json").path))
        }
        #expect(OutputFile.refusal(folder.appendingPathComponent("spkatt/d 1.json").path) == nil)
        #expect(OutputFile.refusal(folder.appendingPathComponent("missing").path) == nil)
    }
}

