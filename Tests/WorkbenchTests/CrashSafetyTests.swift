import Annotations
import Foundation
import Testing
import TestSupport

/// `kill -9` a writer at random moments, many times: every acknowledged change must be there when
/// the session is reopened, and the file must never be half-written.
@Suite("Crash safety")
struct CrashSafetyTests {
    @Test("Acknowledged edits survive kill -9 at random points")
    func killNine() throws {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        print("Crash safety: kill -9 moments drawn with seed \(seed) (WORKBENCH_TEST_SEED=\(seed) repeats them)")
        // 25 rounds in the ordinary suite; WORKBENCH_CRASH_ROUNDS=100 for the full run.
        let rounds = Int(ProcessInfo.processInfo.environment["WORKBENCH_CRASH_ROUNDS"] ?? "") ?? 25
        for round in 0..<rounds {
            let folder = NSTemporaryDirectory() + "workbench-kill-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/s.json"
            let (process, output) = try startWriter(path)
            let stopAfter = Int.random(in: 1...120, using: &generator)
            var text = ""
            var acknowledged = 0
            while acknowledged < stopAfter {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
                acknowledged = text.split(separator: "\n").filter { $0.hasPrefix("ack ") }.count
            }
            if round % 3 == 0 { usleep(UInt32.random(in: 0...3000, using: &generator)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let acks = text.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
            let highest = acks.max() ?? 0
            let store = try SessionStore(path: path, now: "n") {
                Issue.record("seed \(seed) round \(round): the session file was missing after the crash")
                return Session(annotator: "x", corpus: CorpusReference(paths: [], segmenter: "", documents: []), created: "n")
            }
            #expect(store.session.state.lastSeq >= highest, "seed \(seed) round \(round): acknowledged \(highest), reopened \(store.session.state.lastSeq)")
            #expect(store.session.events.map(\.seq) == Array(1...max(store.session.state.lastSeq, 1)).prefix(store.session.events.count).map { $0 })
            #expect(store.session.state.targets.count == store.session.state.lastSeq)
            try store.close()
            #expect(SessionValidator().problems(path: path, corpus: nil).isEmpty)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("A lock left by a dead process is taken over")
    func staleLockTakenOver() throws {
        let folder = TestScratch.path("stale-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/s.json"
        let (process, output) = try startWriter(path)
        _ = output.fileHandleForReading.availableData
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "x", corpus: CorpusReference(paths: [], segmenter: "", documents: []), created: "n")
        }
        #expect(store.tookOverLockFrom?.contains("pid \(process.processIdentifier)") == true)
        try store.close()
    }

    /// Starts the test tools' `stress-writer` on `path`; it prints `ack SEQ` after every acknowledged edit.
    private func startWriter(_ path: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = WorkbenchProcess.testTools
        process.arguments = ["stress-writer", path, "--count", "100000"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }
}
