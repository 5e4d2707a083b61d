@testable import Annotations
import Foundation
import Subprocess
import Testing
import TestSupport

/// `kill -9` a writer at random moments, many times: every acknowledged change must be there when
/// the session is reopened, and the file must never be half-written.
@Suite("Crash safety")
struct CrashSafetyTests {
    @Test("Acknowledged edits survive kill -9 at random points")
    func killNine() async throws {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        print("Crash safety: kill -9 moments drawn with seed \(seed) (WORKBENCH_TEST_SEED=\(seed) repeats them)")
        // 25 rounds in the ordinary suite; WORKBENCH_CRASH_ROUNDS=100 for the full run.
        let rounds = Int(ProcessInfo.processInfo.environment["WORKBENCH_CRASH_ROUNDS"] ?? "") ?? 25
        for round in 0..<rounds {
            let folder = NSTemporaryDirectory() + "workbench-kill-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/s.json"
            let stopAfter = Int.random(in: 1...120, using: &generator)
            let pause = round % 3 == 0 ? Int.random(in: 0...3000, using: &generator) : 0
            let acks = try await writeAndKill(path, stopAfter: stopAfter, pauseMicroseconds: pause).acks
            let highest = acks.max() ?? 0
            let store = try SessionStore(path: path, now: "n") {
                Issue.record("seed \(seed) round \(round): the session file was missing after the crash")
                return Session(annotator: "x", corpus: CorpusReference(paths: [], segmenter: "", documents: []), created: "n")
            }
            #expect(store.session.state.lastSeq >= highest, "seed \(seed) round \(round): acknowledged \(highest), reopened \(store.session.state.lastSeq)")
            #expect(store.session.events.map(\.seq) == Array(1...max(store.session.state.lastSeq, 1)).prefix(store.session.events.count).map { $0 })
            #expect(store.session.state.targets.count == store.session.state.lastSeq)
            try store.close()
            #expect(SessionVerifier().validate(path: path) { _ in nil }.problems.isEmpty)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("A lock left by a dead process is taken over")
    func staleLockTakenOver() async throws {
        let folder = TestScratch.path("stale-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/s.json"
        let writer = try await writeAndKill(path, stopAfter: 1, pauseMicroseconds: 0).pid
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "x", corpus: CorpusReference(paths: [], segmenter: "", documents: []), created: "n")
        }
        #expect(store.tookOverLockFrom?.contains("pid \(writer)") == true)
        try store.close()
    }

    /// Runs the test tools' `stress-writer` on `path` (it prints `ack SEQ` after every acknowledged
    /// edit) until `stopAfter` edits are acknowledged and `pauseMicroseconds` more have passed, kills it
    /// with SIGKILL and returns every sequence number it acknowledged, and its process id.
    private func writeAndKill(_ path: String, stopAfter: Int, pauseMicroseconds: Int) async throws -> (acks: [Int], pid: pid_t) {
        let tools = WorkbenchProcess.testTools.path
        return try await Deadline.within(60, "the stress writer on \(path)") {
            let result = try await Subprocess.run(
                .path(.init(tools)), arguments: ["stress-writer", path, "--count", "100000"], input: .none,
                output: .sequence, error: .discarded
            ) { execution in
                var lines = execution.standardOutput.strings().makeAsyncIterator()
                var acks: [Int] = []
                func take(_ line: String) { if line.hasPrefix("ack "), let seq = Int(line.dropFirst(4)) { acks.append(seq) } }
                while acks.count < stopAfter, let line = try await lines.next() { take(line) }
                if pauseMicroseconds > 0 { try await Task.sleep(for: .microseconds(pauseMicroseconds)) }
                try? execution.send(signal: .kill)
                while let line = try await lines.next() { take(line) }
                return acks
            }
            return (result.closureResult, result.processIdentifier.value)
        }
    }
}
